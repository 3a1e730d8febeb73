"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { postWithProgress, type UploadAnswer } from "./upload-xhr";

/**
 * The state of an upload form: progress while sending, then either the route's answer or its
 * refusal (one message, or messages per field). Forms keep their own values, so a refusal
 * loses nothing typed or chosen.
 */
export function useUpload() {
  const t = useTranslations("review");
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});

  /** Sends the form; the answer on success (progress stays shown when `keepProgress`, e.g. before navigating), null on refusal. */
  async function send(url: string, form: FormData, { keepProgress = false } = {}): Promise<UploadAnswer | null> {
    setError(null);
    setFieldErrors({});
    setProgress(0);
    const result = await postWithProgress(url, form, setProgress);
    if (!result.ok || !keepProgress) setProgress(null);
    if (result.ok) return result.body;
    if ("network" in result) setError(t("networkError"));
    else if (result.fields) setFieldErrors(result.fields);
    else setError(result.message ?? t("networkError"));
    return null;
  }

  return { progress, isSending: progress !== null, error, fieldErrors, send, setError };
}
