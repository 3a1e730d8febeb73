"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextAreaField } from "@/components/ui/field";
import { UploadProgress } from "./upload-progress";
import { FileDrop } from "./file-drop";
import { sendJson } from "./send-json";
import { useUpload } from "./use-upload";

/** `fileVersionNumbers`: the versions that still have a file the author may withdraw. */
type Props = {
  threadId: number;
  isLetter: boolean;
  isResolved: boolean;
  maxMb: number;
  versionNumbers: number[];
  fileVersionNumbers: number[];
};

/** What the author of a request can do: upload the next version, delete one, mark it resolved. */
export function AuthorTools({ threadId, isLetter, isResolved, maxMb, versionNumbers, fileVersionNumbers }: Props) {
  const t = useTranslations("review");
  const router = useRouter();
  const [file, setFile] = useState<File | null>(null);
  const [letterText, setLetterText] = useState("");
  const upload = useUpload();
  const [message, setMessage] = useState<{ tone: "error" | "success"; text: string } | null>(null);
  const [thanks, setThanks] = useState("");
  const [isBusy, setIsBusy] = useState(false);

  async function onUpload(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setMessage(null);
    const form = new FormData();
    if (file) form.set("file", file, file.name);
    if (letterText) form.set("letterText", letterText);
    if (!(await upload.send(`/api/v1/reviews/${threadId}/versions`, form))) return;
    setFile(null);
    setLetterText("");
    setMessage({ tone: "success", text: t("versionAdded") });
    router.refresh();
  }

  async function send(url: string, method: "POST" | "DELETE", body?: unknown) {
    // One action at a time: a double click would otherwise report the second one as "not found".
    if (isBusy) return;
    setMessage(null);
    setIsBusy(true);
    const result = await sendJson(url, method, body);
    setIsBusy(false);
    if (result.ok) router.refresh();
    else setMessage({ tone: "error", text: result.message ?? t("networkError") });
  }

  return (
    <section
      aria-labelledby="author-tools-title"
      className="flex flex-col gap-3 rounded-xl border border-line bg-sand/30 p-3"
    >
      <h3 id="author-tools-title" className="text-base font-bold">
        {t("authorTools")}
      </h3>
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
      {upload.error ? <Alert tone="error">{upload.error}</Alert> : null}
      <form onSubmit={onUpload} className="flex flex-col gap-3" noValidate>
        <FileDrop
          file={file}
          onChange={setFile}
          maxMb={maxMb}
          errors={upload.fieldErrors.file}
          label={t("newVersionFile", { number: Math.max(0, ...versionNumbers) + 1, maxMb })}
        />
        {isLetter ? (
          <TextAreaField
            id="version-letter"
            label={t("letterLabel")}
            value={letterText}
            onChange={(event) => setLetterText(event.target.value)}
            errors={upload.fieldErrors.letterText}
            rows={5}
          />
        ) : null}
        {upload.progress !== null ? <UploadProgress fraction={upload.progress} /> : null}
        <Button
          type="submit"
          variant="secondary"
          disabled={upload.isSending}
          className="max-w-full self-start whitespace-normal text-center"
        >
          {t("uploadVersion")}
        </Button>
      </form>
      <div className="flex flex-wrap gap-2">
        {isResolved ? null : (
          <div className="w-full">
            <TextAreaField
              id="resolve-thanks"
              label={t("thanksLabel")}
              value={thanks}
              onChange={(event) => setThanks(event.target.value)}
              rows={2}
              maxLength={2000}
            />
          </div>
        )}
        <Button
          variant={isResolved ? "secondary" : "primary"}
          disabled={isBusy}
          className="max-w-full whitespace-normal text-center"
          onClick={() =>
            send(`/api/v1/reviews/${threadId}/resolve`, "POST", {
              isResolved: !isResolved,
              thanks: isResolved ? undefined : thanks || undefined,
            })
          }
        >
          {isResolved ? t("reopen") : t("markResolved")}
        </Button>
        {versionNumbers.length > 1
          ? versionNumbers.map((number) => (
              <Button
                key={number}
                variant="ghost"
                disabled={isBusy}
                onClick={() =>
                  window.confirm(t("deleteVersionConfirm", { number })) &&
                  send(`/api/v1/reviews/${threadId}/versions/${number}`, "DELETE")
                }
              >
                {t("deleteVersion", { number })}
              </Button>
            ))
          : null}
        {/* A personal document can always be taken back, the last one included; the reviews stay. */}
        {fileVersionNumbers.map((number) => (
          <Button
            key={`file-${number}`}
            variant="ghost"
            disabled={isBusy}
            onClick={() =>
              window.confirm(t("withdrawFileConfirm", { number })) &&
              send(`/api/v1/reviews/${threadId}/versions/${number}/file`, "DELETE")
            }
          >
            {t("withdrawFile", { number })}
          </Button>
        ))}
      </div>
    </section>
  );
}
