"use client";

import { useEffect, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

const TARGETS = [
  { seconds: 30, key: "seconds30" },
  { seconds: 60, key: "minute1" },
  { seconds: 120, key: "minutes2" },
] as const;

/** Types the server accepts (lib/uploads/audio-check), in the order browsers are tried. */
const RECORDING_TYPES = ["audio/webm;codecs=opus", "audio/webm", "audio/ogg;codecs=opus", "audio/mp4"];

const formatDuration = (seconds: number) =>
  `${Math.floor(seconds / 60)}:${String(Math.floor(seconds % 60)).padStart(2, "0")}`;

export type Recording = { blob: Blob; url: string; seconds: number };

/** The file name a recording is sent under (the server names it again from its content). */
export function recordingFileName(recording: Recording): string {
  const type = recording.blob.type;
  return `pitch.${type.includes("mp4") ? "m4a" : type.includes("ogg") ? "ogg" : "webm"}`;
}

/**
 * Records from the microphone with MediaRecorder: a timer, and an automatic stop at
 * `maxSeconds`. The microphone is released when recording stops or the component goes away.
 */
export function useRecorder(maxSeconds: number) {
  const t = useTranslations("review.pitch");
  const [isRecording, setIsRecording] = useState(false);
  // While the browser asks for the microphone: a second click must not open a second recorder.
  const [isStarting, setIsStarting] = useState(false);
  const isMountedRef = useRef(true);
  const [elapsed, setElapsed] = useState(0);
  const [recording, setRecording] = useState<Recording | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const recorderRef = useRef<MediaRecorder | null>(null);
  const timerRef = useRef<number | null>(null);

  useEffect(() => {
    isMountedRef.current = true;
    return () => {
      isMountedRef.current = false;
      if (timerRef.current) window.clearInterval(timerRef.current);
      recorderRef.current?.stream.getTracks().forEach((track) => track.stop());
    };
  }, []);
  useEffect(() => () => (recording ? URL.revokeObjectURL(recording.url) : undefined), [recording]);

  function stop() {
    if (timerRef.current) window.clearInterval(timerRef.current);
    timerRef.current = null;
    if (recorderRef.current?.state === "recording") recorderRef.current.stop();
  }

  async function start() {
    if (isStarting || isRecording) return;
    setNotice(null);
    if (typeof MediaRecorder === "undefined" || !navigator.mediaDevices?.getUserMedia) {
      setNotice(t("unsupported"));
      return;
    }
    let stream: MediaStream;
    setIsStarting(true);
    try {
      stream = await navigator.mediaDevices.getUserMedia({ audio: true });
    } catch {
      setNotice(t("micDenied"));
      return;
    } finally {
      setIsStarting(false);
    }
    if (!isMountedRef.current) {
      stream.getTracks().forEach((track) => track.stop());
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
      // Gone while recording (page left): nothing to show, no object URL to leak.
      if (!isMountedRef.current) return;
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
        setNotice(t("maxReached"));
        stop();
      }
    }, 250);
  }

  return {
    isRecording,
    isStarting,
    elapsed,
    recording,
    notice,
    maxSeconds,
    start,
    stop,
    discard: () => setRecording(null),
  };
}

type RecorderFieldsetProps = {
  recorder: ReturnType<typeof useRecorder>;
  legend: string;
  /** Ids must be unique on the page (a pitch thread may show a form per reply). */
  idPrefix: string;
  disabled?: boolean;
  errors?: string[];
};

/**
 * The recorder's controls: a 30 s / 1 min / 2 min target, a visible timer (and a bar while
 * recording), start/stop/discard, then the recording to listen to before sending.
 */
export function RecorderFieldset({ recorder, legend, idPrefix, disabled, errors }: RecorderFieldsetProps) {
  const t = useTranslations("review.pitch");
  const [targetSeconds, setTargetSeconds] = useState(60);
  const { isRecording, elapsed, recording, notice, maxSeconds } = recorder;
  const overTarget = elapsed > targetSeconds;
  return (
    <fieldset className="flex min-w-0 flex-col gap-3 rounded-xl border border-line p-3 sm:p-4">
      <legend className="px-1 font-semibold">{legend}</legend>
      <div role="radiogroup" aria-label={t("targetDuration")} className="flex flex-wrap items-center gap-3 text-sm">
        <span aria-hidden="true" className="font-semibold">
          {t("targetDuration")}
        </span>
        {TARGETS.map((target) => (
          <label key={target.seconds} className="flex items-center gap-1.5">
            <input
              type="radio"
              name={`${idPrefix}-target-seconds`}
              value={target.seconds}
              checked={targetSeconds === target.seconds}
              onChange={() => setTargetSeconds(target.seconds)}
              className="accent-teal"
            />
            {t(target.key)}
          </label>
        ))}
      </div>
      <p role="timer" className={`text-lg font-bold tabular-nums ${isRecording && overTarget ? "text-brand" : ""}`}>
        {t("timer", {
          elapsed: formatDuration(isRecording ? elapsed : (recording?.seconds ?? 0)),
          target: formatDuration(targetSeconds),
        })}
        {isRecording && overTarget ? <span className="ml-2 text-sm font-semibold">({t("overTarget")})</span> : null}
      </p>
      {isRecording ? (
        <progress
          max={maxSeconds}
          value={Math.min(elapsed, maxSeconds)}
          aria-label={legend}
          className="h-2 w-full accent-teal"
        />
      ) : null}
      <div className="flex flex-wrap gap-2">
        {isRecording ? (
          <Button type="button" onClick={recorder.stop} size="sm">
            {t("stop")}
          </Button>
        ) : (
          <Button
            id={`${idPrefix}-record`}
            type="button"
            variant={recording ? "secondary" : undefined}
            onClick={() => void recorder.start()}
            disabled={disabled || recorder.isStarting}
            size="sm"
          >
            {t("start")}
          </Button>
        )}
        {recording && !isRecording ? (
          <Button type="button" variant="secondary" onClick={recorder.discard} disabled={disabled} size="sm">
            {t("discard")}
          </Button>
        ) : null}
      </div>
      {notice ? <Alert tone="info">{notice}</Alert> : null}
      {recording && !isRecording ? (
        <div className="flex flex-col gap-1">
          <p className="text-sm">{t("recorded", { duration: formatDuration(recording.seconds) })}</p>
          <audio controls src={recording.url} aria-label={t("preview")} className="w-full" />
        </div>
      ) : null}
      {errors?.map((message) => (
        <p key={message} className="text-sm font-semibold text-danger" role="alert">
          {message}
        </p>
      ))}
    </fieldset>
  );
}
