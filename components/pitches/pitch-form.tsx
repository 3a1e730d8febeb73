"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import { postWithProgress } from "@/components/reviews/upload-xhr";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextAreaField, TextField } from "@/components/ui/field";

type Props = { channelSlug: string; maxSeconds: number };

const TARGETS = [
  { seconds: 30, key: "seconds30" },
  { seconds: 60, key: "minute1" },
  { seconds: 120, key: "minutes2" },
] as const;

/** Types the server accepts (lib/uploads/audio-check), in the order browsers are tried. */
const RECORDING_TYPES = ["audio/webm;codecs=opus", "audio/webm", "audio/ogg;codecs=opus", "audio/mp4"];

const formatDuration = (seconds: number) => `${Math.floor(seconds / 60)}:${String(Math.floor(seconds % 60)).padStart(2, "0")}`;

type Recording = { blob: Blob; url: string; seconds: number };

/**
 * A pitch: title, target job, optional text and a recording made here with MediaRecorder
 * (visible timer against a 30 s / 1 min / 2 min target; it stops itself at `maxSeconds`).
 * Everything goes in one multipart request; a refusal keeps what was typed and recorded.
 */
export function PitchForm({ channelSlug, maxSeconds }: Props) {
  const t = useTranslations("review");
  const tp = useTranslations("review.pitch");
  const router = useRouter();
  const [values, setValues] = useState({ title: "", target: "", text: "" });
  const [targetSeconds, setTargetSeconds] = useState(60);
  const [isRecording, setIsRecording] = useState(false);
  const [elapsed, setElapsed] = useState(0);
  const [recording, setRecording] = useState<Recording | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});
  const [progress, setProgress] = useState<number | null>(null);
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const recorderRef = useRef<MediaRecorder | null>(null);
  const timerRef = useRef<number | null>(null);

  const set = (name: keyof typeof values) => (event: { target: { value: string } }) => setValues((old) => ({ ...old, [name]: event.target.value }));

  useEffect(
    () => () => {
      if (timerRef.current) window.clearInterval(timerRef.current);
      recorderRef.current?.stream.getTracks().forEach((track) => track.stop());
    },
    [],
  );
  useEffect(() => () => (recording ? URL.revokeObjectURL(recording.url) : undefined), [recording]);

  function stop() {
    if (timerRef.current) window.clearInterval(timerRef.current);
    timerRef.current = null;
    if (recorderRef.current?.state === "recording") recorderRef.current.stop();
  }

  async function start() {
    setNotice(null);
    if (typeof MediaRecorder === "undefined" || !navigator.mediaDevices?.getUserMedia) {
      setNotice(tp("unsupported"));
      return;
    }
    let stream: MediaStream;
    try {
      stream = await navigator.mediaDevices.getUserMedia({ audio: true });
    } catch {
      setNotice(tp("micDenied"));
      return;
    }
    const mimeType = RECORDING_TYPES.find((type) => MediaRecorder.isTypeSupported(type));
    const recorder = new MediaRecorder(stream, mimeType ? { mimeType } : undefined);
    const chunks: Blob[] = [];
    const startedAt = Date.now();
    recorder.addEventListener("dataavailable", (event) => {
      if (event.data.size) chunks.push(event.data);
    });
    recorder.addEventListener("stop", () => {
      stream.getTracks().forEach((track) => track.stop());
      const blob = new Blob(chunks, { type: recorder.mimeType || "audio/webm" });
      const seconds = Math.min((Date.now() - startedAt) / 1000, maxSeconds);
      setRecording({ blob, url: URL.createObjectURL(blob), seconds });
      setIsRecording(false);
    });
    recorderRef.current = recorder;
    setRecording(null);
    setElapsed(0);
    recorder.start(1000);
    setIsRecording(true);
    timerRef.current = window.setInterval(() => {
      const seconds = (Date.now() - startedAt) / 1000;
      setElapsed(seconds);
      if (seconds >= maxSeconds) {
        setNotice(tp("maxReached"));
        stop();
      }
    }, 250);
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (isRecording) return;
    setError(null);
    setFieldErrors({});
    const form = new FormData();
    form.set("channelSlug", channelSlug);
    form.set("idempotencyKey", idempotencyKey);
    for (const [name, value] of Object.entries(values)) form.set(name, value);
    if (recording) form.set("file", recording.blob, `pitch.${recording.blob.type.includes("mp4") ? "m4a" : recording.blob.type.includes("ogg") ? "ogg" : "webm"}`);
    setProgress(0);
    const result = await postWithProgress("/api/v1/pitches", form, setProgress);
    if (result.ok && result.path) {
      router.push(result.path);
      return;
    }
    setProgress(null);
    if (result.ok || "network" in result) setError(t("networkError"));
    else if (result.fields) setFieldErrors(result.fields);
    else setError(result.message ?? t("networkError"));
  }

  const isSending = progress !== null;
  const overTarget = elapsed > targetSeconds;
  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
      {error ? <Alert tone="error">{error}</Alert> : null}
      <TextField id="title" label={tp("titleLabel")} value={values.title} onChange={set("title")} errors={fieldErrors.title} required maxLength={150} />
      <TextField id="target" label={t("targetLabel")} hint={t("targetHint")} value={values.target} onChange={set("target")} errors={fieldErrors.target} required maxLength={150} />
      <fieldset className="flex min-w-0 flex-col gap-3 rounded-xl border border-line p-3 sm:p-4">
        <legend className="px-1 font-semibold">{tp("recordingLabel")}</legend>
        <div role="radiogroup" aria-label={tp("targetDuration")} className="flex flex-wrap items-center gap-3 text-sm">
          <span aria-hidden="true" className="font-semibold">
            {tp("targetDuration")}
          </span>
          {TARGETS.map((target) => (
            <label key={target.seconds} className="flex items-center gap-1.5">
              <input type="radio" name="targetSeconds" value={target.seconds} checked={targetSeconds === target.seconds} onChange={() => setTargetSeconds(target.seconds)} className="accent-teal" />
              {tp(target.key)}
            </label>
          ))}
        </div>
        <p role="timer" className={`text-lg font-bold tabular-nums ${isRecording && overTarget ? "text-brand" : ""}`}>
          {tp("timer", { elapsed: formatDuration(isRecording ? elapsed : (recording?.seconds ?? 0)), target: formatDuration(targetSeconds) })}
          {isRecording && overTarget ? <span className="ml-2 text-sm font-semibold">({tp("overTarget")})</span> : null}
        </p>
        {isRecording ? (
          <progress max={maxSeconds} value={Math.min(elapsed, maxSeconds)} aria-label={tp("recordingLabel")} className="h-2 w-full accent-teal" />
        ) : null}
        <div className="flex flex-wrap gap-2">
          {isRecording ? (
            <Button type="button" onClick={stop} size="sm">
              {tp("stop")}
            </Button>
          ) : (
            <Button type="button" variant={recording ? "secondary" : undefined} onClick={start} disabled={isSending} size="sm">
              {tp("start")}
            </Button>
          )}
          {recording && !isRecording ? (
            <Button type="button" variant="secondary" onClick={() => setRecording(null)} disabled={isSending} size="sm">
              {tp("discard")}
            </Button>
          ) : null}
        </div>
        {notice ? <Alert tone="info">{notice}</Alert> : null}
        {recording && !isRecording ? (
          <div className="flex flex-col gap-1">
            <p className="text-sm">{tp("recorded", { duration: formatDuration(recording.seconds) })}</p>
            <audio controls src={recording.url} aria-label={tp("preview")} className="w-full" />
          </div>
        ) : null}
        {fieldErrors.file?.map((message) => (
          <p key={message} className="text-sm font-semibold text-danger" role="alert">
            {message}
          </p>
        ))}
      </fieldset>
      <TextAreaField id="text" label={tp("textLabel")} hint={tp("textHint")} value={values.text} onChange={set("text")} errors={fieldErrors.text} rows={6} maxLength={5000} />
      {isSending ? (
        <div className="flex flex-col gap-1">
          <label htmlFor="upload-progress" className="text-sm font-semibold">
            {t("progress")}
          </label>
          <progress id="upload-progress" max={100} value={Math.round(progress * 100)} className="h-3 w-full accent-teal">
            {Math.round(progress * 100)} %
          </progress>
        </div>
      ) : null}
      <div className="flex justify-end">
        <Button type="submit" disabled={isSending || isRecording}>
          {isSending ? t("uploading") : tp("submit")}
        </Button>
      </div>
    </form>
  );
}
