"use client";

import { useId, useRef, useState, type DragEvent } from "react";
import { useTranslations } from "next-intl";
import { cn } from "@/components/ui/cn";
import { formatSize } from "./upload-xhr";

type Props = {
  file: File | null;
  onChange: (file: File | null) => void;
  maxMb: number;
  errors?: string[];
  /** Defaults to the review request's "Votre document (PDF, N Mo maximum)". */
  label?: string;
};

/** Drag and drop or pick a PDF. The server decides by content; the `accept` is only a hint. */
export function FileDrop({ file, onChange, maxMb, errors, label }: Props) {
  const t = useTranslations("review");
  const tPrivacy = useTranslations("dataOwnership");
  const id = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [isOver, setIsOver] = useState(false);

  function onDrop(event: DragEvent<HTMLDivElement>) {
    event.preventDefault();
    setIsOver(false);
    const dropped = event.dataTransfer.files[0];
    if (dropped) onChange(dropped);
  }

  return (
    <div className="flex flex-col gap-1.5">
      <label htmlFor={id} className="text-sm font-semibold text-ink">
        {label ?? t("fileLabel", { maxMb })}
      </label>
      <div
        onDragOver={(event) => {
          event.preventDefault();
          setIsOver(true);
        }}
        onDragLeave={() => setIsOver(false)}
        onDrop={onDrop}
        className={cn(
          "flex flex-col items-center gap-2 rounded-xl border-2 border-dashed px-4 py-6 text-center text-sm",
          isOver ? "border-teal bg-teal-soft" : errors?.length ? "border-danger bg-white" : "border-line bg-white",
        )}
      >
        <p>
          {t("fileDrop")}{" "}
          <button type="button" className="font-semibold text-teal underline" onClick={() => inputRef.current?.click()}>
            {t("filePick")}
          </button>
        </p>
        <input
          ref={inputRef}
          id={id}
          type="file"
          accept="application/pdf,.pdf"
          className="sr-only"
          aria-describedby={errors?.length ? `${id}-error ${id}-cnil` : `${id}-cnil`}
          onChange={(event) => {
            onChange(event.target.files?.[0] ?? null);
            event.target.value = "";
          }}
        />
        {file ? (
          <div className="flex flex-wrap items-center justify-center gap-2">
            <span className="break-all font-medium">
              {t("fileChosen", { name: file.name, size: formatSize(file.size, t) })}
            </span>
            <button type="button" className="text-sm text-danger underline" onClick={() => onChange(null)}>
              {t("fileRemove")}
            </button>
          </div>
        ) : null}
      </div>
      {/* The CNIL's advice to candidates: a CV shared with peers needs none of these. */}
      <p id={`${id}-cnil`} className="text-sm text-muted">
        {tPrivacy("cvNote")}{" "}
        <a href="/confidentialite" className="font-semibold text-teal underline">
          {tPrivacy("cvNoteLink")}
        </a>
      </p>
      {errors?.length ? (
        <ul id={`${id}-error`} className="text-sm font-medium text-danger" aria-live="polite">
          {errors.map((message) => (
            <li key={message}>{message}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
