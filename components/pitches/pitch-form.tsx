"use client";

import { useState, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import { UploadProgress } from "@/components/reviews/upload-progress";
import { useThreadUploadForm } from "@/components/reviews/use-thread-upload-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ErrorSummary, type SummaryError } from "@/components/ui/error-summary";
import { TextAreaField, TextField } from "@/components/ui/field";
import { RecorderFieldset, recordingFileName, useRecorder } from "./recorder";

type Props = { channelSlug: string; maxSeconds: number };

/** The form's fields in page order (the recorder's errors point at its first button). */
const FIELD_ORDER = ["title", "target", "file", "text"] as const;

/**
 * A pitch: title, target job, optional text and a recording made here with MediaRecorder
 * (visible timer against a 30 s / 1 min / 2 min target; it stops itself at `maxSeconds`).
 * Everything goes in one multipart request; a refusal keeps what was typed and recorded.
 */
export function PitchForm({ channelSlug, maxSeconds }: Props) {
  const t = useTranslations("review");
  const tp = useTranslations("review.pitch");
  const tRoot = useTranslations();
  const [localErrors, setLocalErrors] = useState<Record<string, string[]>>({});
  const [attempt, setAttempt] = useState(0);
  const recorder = useRecorder(maxSeconds);
  const { values, set, submit, progress, isSending, error, fieldErrors } = useThreadUploadForm({
    url: "/api/v1/pitches",
    channelSlug,
    initialValues: { title: "", target: "", text: "" },
  });

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (recorder.isRecording) return;
    // The required fields are checked here first (the server checks again): no upload for nothing.
    const missing: Record<string, string[]> = {};
    if (values.title.trim().length < 5) missing.title = [tRoot("validation.titleTooShort")];
    if (values.target.trim().length < 2) missing.target = [t("targetRequired")];
    setLocalErrors(missing);
    setAttempt((count) => count + 1);
    if (Object.keys(missing).length > 0) return;
    const { recording } = recorder;
    await submit(recording ? { blob: recording.blob, name: recordingFileName(recording) } : null);
    setAttempt((count) => count + 1);
  }

  const errorsFor = (field: string) => localErrors[field] ?? fieldErrors[field];
  const labels: Record<(typeof FIELD_ORDER)[number], string> = {
    title: tp("titleLabel"),
    target: t("targetLabel"),
    file: tp("recordingLabel"),
    text: tp("textLabel"),
  };
  const summary: SummaryError[] = FIELD_ORDER.flatMap((field) => {
    const messages = errorsFor(field);
    return messages?.length ? [{ id: field === "file" ? "pitch-record" : field, label: labels[field], messages }] : [];
  });

  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
      {error ? <Alert tone="error">{error}</Alert> : null}
      <ErrorSummary title={tRoot("errors.invalid_form")} errors={summary} attempt={attempt} />
      <TextField
        id="title"
        label={tp("titleLabel")}
        value={values.title}
        onChange={set("title")}
        errors={errorsFor("title")}
        required
        aria-required="true"
        maxLength={150}
      />
      <TextField
        id="target"
        label={t("targetLabel")}
        hint={t("targetHint")}
        value={values.target}
        onChange={set("target")}
        errors={errorsFor("target")}
        required
        aria-required="true"
        maxLength={150}
      />
      <RecorderFieldset
        recorder={recorder}
        legend={tp("recordingLabel")}
        idPrefix="pitch"
        disabled={isSending}
        errors={errorsFor("file")}
      />
      <TextAreaField
        id="text"
        label={tp("textLabel")}
        hint={tp("textHint")}
        value={values.text}
        onChange={set("text")}
        errors={errorsFor("text")}
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
