"use client";

import { useState, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextAreaField, TextField } from "@/components/ui/field";
import { UploadProgress } from "./upload-progress";
import { FileDrop } from "./file-drop";
import { useThreadUploadForm } from "./use-thread-upload-form";

type Props = { channelSlug: string; isLetter: boolean; maxMb: number };

/**
 * A review request: fields and PDF go in one multipart request so a refused file never leaves
 * a half-created thread. Values live in state, so a refusal keeps everything typed and chosen.
 */
export function ReviewRequestForm({ channelSlug, isLetter, maxMb }: Props) {
  const t = useTranslations("review");
  const tComposer = useTranslations("composer");
  const [file, setFile] = useState<File | null>(null);
  const { values, set, submit, progress, isSending, error, fieldErrors } = useThreadUploadForm({
    url: "/api/v1/reviews",
    channelSlug,
    initialValues: { title: "", target: "", feedbackWanted: "", letterText: "" },
  });

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    await submit(file ? { blob: file, name: file.name } : null);
  }

  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
      {error ? <Alert tone="error">{error}</Alert> : null}
      <TextField
        id="title"
        label={t("titleLabel")}
        hint={t("titleHint")}
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
      <TextAreaField
        id="feedbackWanted"
        label={t("feedbackLabel")}
        hint={t("feedbackHint")}
        value={values.feedbackWanted}
        onChange={set("feedbackWanted")}
        errors={fieldErrors.feedbackWanted}
        rows={3}
        required
        maxLength={1000}
      />
      <FileDrop file={file} onChange={setFile} maxMb={maxMb} errors={fieldErrors.file} />
      {isLetter ? (
        <TextAreaField
          id="letterText"
          label={t("letterLabel")}
          hint={t("letterHint")}
          value={values.letterText}
          onChange={set("letterText")}
          errors={fieldErrors.letterText}
          rows={8}
          maxLength={10000}
        />
      ) : null}
      {progress !== null ? <UploadProgress fraction={progress} /> : null}
      <div className="flex justify-end">
        <Button type="submit" disabled={isSending}>
          {isSending ? t("uploading") : t("submit")}
        </Button>
      </div>
      <p className="sr-only" aria-live="polite">
        {isSending ? tComposer("sending") : ""}
      </p>
    </form>
  );
}
