"use client";

import { useTranslations } from "next-intl";
import { useId, useRef, useState } from "react";
import { postWithProgress } from "@/components/reviews/upload-xhr";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { MessageView } from "@/lib/messages/views";

/**
 * Sends a file in a conversation (a PDF CV, a recorded pitch) with a few words if one likes,
 * through the checked upload route (the server decides by content; `accept` is only a hint).
 */
export function AttachFileForm({
  conversationId,
  onSent,
}: {
  conversationId: number;
  onSent: (message: MessageView) => void;
}) {
  const t = useTranslations("messages.files");
  const id = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [text, setText] = useState("");
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  // One key per chosen file: a retried send (network hiccup) posts the same message once.
  const [idempotencyKey, setIdempotencyKey] = useState(() => crypto.randomUUID());

  const send = async () => {
    if (!file) return;
    setError(null);
    setProgress(0);
    const form = new FormData();
    form.set("file", file);
    form.set("text", text);
    form.set("idempotencyKey", idempotencyKey);
    const result = await postWithProgress(`/api/v1/conversations/${conversationId}/files`, form, setProgress);
    setProgress(null);
    if (!result.ok) {
      setError(("network" in result ? null : (result.fields?.file?.[0] ?? result.message)) ?? t("failed"));
      return;
    }
    onSent((result.body as unknown as { message: MessageView }).message);
    setFile(null);
    setText("");
    setIdempotencyKey(crypto.randomUUID());
    if (inputRef.current) inputRef.current.value = "";
  };

  return (
    <details className="rounded-2xl border border-line bg-white p-3">
      <summary className="cursor-pointer font-semibold">{t("attach")}</summary>
      <div className="mt-3 flex flex-col gap-2">
        <label htmlFor={`${id}-file`} className="text-sm font-semibold">
          {t("fileLabel")}
        </label>
        <input
          ref={inputRef}
          id={`${id}-file`}
          type="file"
          accept="application/pdf,.pdf,audio/*"
          className="text-sm"
          onChange={(event) => {
            setFile(event.target.files?.[0] ?? null);
            setIdempotencyKey(crypto.randomUUID());
          }}
        />
        <label htmlFor={`${id}-text`} className="text-sm font-semibold">
          {t("textLabel")}
        </label>
        <input
          id={`${id}-text`}
          type="text"
          value={text}
          maxLength={2000}
          onChange={(event) => setText(event.target.value)}
          className="min-h-11 rounded-lg border border-line px-3"
        />
        {error ? <Alert tone="error">{error}</Alert> : null}
        {progress !== null ? <progress value={progress} max={1} aria-label={t("progress")} className="w-full" /> : null}
        <Button size="sm" className="self-start" disabled={!file || progress !== null} onClick={() => void send()}>
          {t("send")}
        </Button>
      </div>
    </details>
  );
}
