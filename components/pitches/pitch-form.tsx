"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import { UploadProgress } from "@/components/reviews/upload-progress";
import { useUpload } from "@/components/reviews/use-upload";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextAreaField, TextField } from "@/components/ui/field";
import { RecorderFieldset, recordingFileName, useRecorder } from "./recorder";

type Props = { channelSlug: string; maxSeconds: number };

/**
 * A pitch: title, target job, optional text and a recording made here with MediaRecorder
 * (visible timer against a 30 s / 1 min / 2 min target; it stops itself at `maxSeconds`).
 * Everything goes in one multipart request; a refusal keeps what was typed and recorded.
 */
export function PitchForm({ channelSlug, maxSeconds }: Props) {
  const t = useTranslations("review");
  const tp = useTranslations("review.pitch");
  const router = useRouter();
  const recorder = useRecorder(maxSeconds);
  const { progress, isSending, error, fieldErrors, send, setError } = useUpload();
  const [values, setValues] = useState({ title: "", target: "", text: "" });
  const [idempotencyKey] = useState(() => crypto.randomUUID());

  const set = (name: keyof typeof values) => (event: { target: { value: string } }) =>
    setValues((old) => ({ ...old, [name]: event.target.value }));

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (recorder.isRecording) return;
    const form = new FormData();
    form.set("channelSlug", channelSlug);
    form.set("idempotencyKey", idempotencyKey);
    for (const [name, value] of Object.entries(values)) form.set(name, value);
    if (recorder.recording) form.set("file", recorder.recording.blob, recordingFileName(recorder.recording));
    const answer = await send("/api/v1/pitches", form, { keepProgress: true });
    if (answer?.path) router.push(answer.path);
    else if (answer) setError(t("networkError"));
  }

  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
      {error ? <Alert tone="error">{error}</Alert> : null}
      <TextField
        id="title"
        label={tp("titleLabel")}
        value={values.title}
        onChange={set("title")}
        errors={fieldErrors.title}
        required
        maxLength={150}
      />
      <TextField
        id="target"
        label={t("targetLabel")}
        hint={t("targetHint")}
        value={values.target}
        onChange={set("target")}
        errors={fieldErrors.target}
        required
        maxLength={150}
      />
      <RecorderFieldset
        recorder={recorder}
        legend={tp("recordingLabel")}
        idPrefix="pitch"
        disabled={isSending}
        errors={fieldErrors.file}
      />
      <TextAreaField
        id="text"
        label={tp("textLabel")}
        hint={tp("textHint")}
        value={values.text}
        onChange={set("text")}
        errors={fieldErrors.text}
        rows={6}
        maxLength={5000}
      />
      {progress !== null ? <UploadProgress fraction={progress} /> : null}
      <div className="flex justify-end">
        <Button type="submit" disabled={isSending || recorder.isRecording}>
          {isSending ? t("uploading") : tp("submit")}
        </Button>
      </div>
    </form>
  );
}
