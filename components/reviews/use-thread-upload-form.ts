"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { useTranslations } from "next-intl";
import { useUpload } from "./use-upload";

/** A file to send with the form, under the name the route will see. */
export type UploadFile = { blob: Blob; name: string };

/**
 * A form that opens a thread with one multipart request (a review request, a pitch): its typed
 * values, one idempotency key, and a submit that sends values and file, then goes to the new
 * thread. Values live in state, so a refusal keeps everything typed.
 */
export function useThreadUploadForm<Values extends Record<string, string>>({
  url,
  channelSlug,
  initialValues,
}: {
  url: string;
  channelSlug: string;
  initialValues: Values;
}) {
  const t = useTranslations("review");
  const router = useRouter();
  const upload = useUpload();
  const [values, setValues] = useState(initialValues);
  // One key per form: a retried submission (double click, flaky network) creates one thread.
  const [idempotencyKey] = useState(() => crypto.randomUUID());

  /** The `onChange` handler of one field. */
  const set = (name: keyof Values) => (event: { target: { value: string } }) =>
    setValues((old) => ({ ...old, [name]: event.target.value }));

  /** Sends the channel, the key, every value and `file` if any; goes to the thread on success. */
  async function submit(file: UploadFile | null) {
    const form = new FormData();
    form.set("channelSlug", channelSlug);
    form.set("idempotencyKey", idempotencyKey);
    for (const [name, value] of Object.entries(values)) form.set(name, value);
    if (file) form.set("file", file.blob, file.name);
    const answer = await upload.send(url, form, { keepProgress: true });
    if (answer?.path) router.push(answer.path);
    else if (answer) upload.setError(t("networkError"));
  }

  return { ...upload, values, set, submit };
}
