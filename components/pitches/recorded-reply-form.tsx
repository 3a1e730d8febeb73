"use client";

import { useState, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import { UploadProgress } from "@/components/reviews/upload-progress";
import { useUpload } from "@/components/reviews/use-upload";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextAreaField } from "@/components/ui/field";
import { RecorderFieldset, recordingFileName, useRecorder } from "./recorder";

/** `labelledBy`: the id of the visible title the form sits under (e.g. its disclosure's summary). */
type Props = { threadId: number; maxSeconds: number; labelledBy: string };

/**
 * A peer answers a pitch with their own recording (and a few words if they like). The reply
 * appears in the discussion through the thread's live updates; a refusal keeps the recording.
 */
export function RecordedReplyForm({ threadId, maxSeconds, labelledBy }: Props) {
  const t = useTranslations("review");
  const tp = useTranslations("review.pitch");
  const recorder = useRecorder(maxSeconds);
  const { progress, isSending, error, fieldErrors, send } = useUpload();
  const [text, setText] = useState("");
  const [sentNumber, setSentNumber] = useState<number | null>(null);
  const [idempotencyKey, setIdempotencyKey] = useState(() => crypto.randomUUID());

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (recorder.isRecording) return;
    setSentNumber(null);
    const form = new FormData();
    form.set("idempotencyKey", idempotencyKey);
    form.set("text", text);
    if (recorder.recording) form.set("file", recorder.recording.blob, recordingFileName(recorder.recording));
    const answer = await send(`/api/v1/pitches/${threadId}/replies`, form);
    if (!answer) return;
    setSentNumber(answer.postNumber ?? null);
    setText("");
    recorder.discard();
    setIdempotencyKey(crypto.randomUUID());
  }

  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-3" aria-labelledby={labelledBy} noValidate>
      <p className="text-sm text-muted">{tp("replyIntro")}</p>
      {error ? <Alert tone="error">{error}</Alert> : null}
      <RecorderFieldset
        recorder={recorder}
        legend={tp("replyRecordingLabel")}
        idPrefix="reply"
        disabled={isSending}
        errors={fieldErrors.file}
      />
      <TextAreaField
        id="recorded-reply-text"
        label={tp("replyTextLabel")}
        value={text}
        onChange={(event) => setText(event.target.value)}
        errors={fieldErrors.text}
        rows={3}
        maxLength={5000}
      />
      {progress !== null ? <UploadProgress fraction={progress} /> : null}
      {sentNumber !== null ? (
        <Alert tone="success">
          {tp("replySent")}{" "}
          <a href={`#p${sentNumber}`} className="font-semibold underline">
            {tp("replySeeIt")}
          </a>
        </Alert>
      ) : null}
      <div className="flex justify-end">
        <Button type="submit" disabled={isSending || recorder.isRecording} className="whitespace-normal text-center">
          {isSending ? t("uploading") : tp("replySubmit")}
        </Button>
      </div>
    </form>
  );
}
