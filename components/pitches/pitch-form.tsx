"use client";

import type { FormEvent } from "react";
import { useTranslations } from "next-intl";
import { UploadProgress } from "@/components/reviews/upload-progress";
import { useThreadUploadForm } from "@/components/reviews/use-thread-upload-form";
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
  const recorder = useRecorder(maxSeconds);
  const { values, set, submit, progress, isSending, error, fieldErrors } = useThreadUploadForm({
    url: "/api/v1/pitches",
    channelSlug,
    initialValues: { title: "", target: "", text: "" },
  });

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (recorder.isRecording) return;
    const { recording } = recorder;
    await submit(recording ? { blob: recording.blob, name: recordingFileName(recording) } : null);
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
