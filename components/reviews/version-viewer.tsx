"use client";

import { useEffect, useRef, useState } from "react";
import { useFormatter, useTranslations } from "next-intl";
import { cn } from "@/components/ui/cn";
import type { PageMarker } from "./pdf-page";
import { PdfPreview } from "./pdf-preview";
import { formatSize } from "./upload-xhr";

export type VersionItem = {
  number: number;
  createdAt: string;
  letterText: string | null;
  feedbackCount: number;
  comments: PageMarker[];
  file: { id: string; byteSize: number; pageCount: number | null; originalName: string } | null;
};

/** The version history as a switcher: anyone can look at any version; the latest opens first. */
type Props = { versions: VersionItem[]; threadId: number; threadHref: string; canComment: boolean };

export function VersionViewer({ versions, threadId, threadHref, canComment }: Props) {
  const t = useTranslations("review");
  const format = useFormatter();
  // null follows the latest version, so a newly uploaded one shows up selected after a refresh.
  const [selected, setSelected] = useState<number | null>(null);
  const current = versions.find((version) => version.number === selected) ?? versions.at(-1);

  // A link to a page comment (#page-comment-N, from its post) shows the version that holds it:
  // on arrival and when such a link is followed, not again when a live refresh brings new props.
  const versionsRef = useRef(versions);
  useEffect(() => {
    versionsRef.current = versions;
  });
  useEffect(() => {
    const showLinkedComment = () => {
      const markerId = Number(/^#page-comment-(\d+)$/.exec(window.location.hash)?.[1]);
      const holder = versionsRef.current.find((version) => version.comments.some((comment) => comment.id === markerId));
      if (holder) setSelected(holder.number);
    };
    showLinkedComment();
    window.addEventListener("hashchange", showLinkedComment);
    return () => window.removeEventListener("hashchange", showLinkedComment);
  }, []);

  if (!current) return null;
  return (
    <div className="flex flex-col gap-3">
      {versions.length > 1 ? (
        <div role="group" aria-label={t("versionsLabel")} className="flex flex-wrap gap-2">
          {versions.map((version) => (
            <button
              key={version.number}
              type="button"
              aria-pressed={version.number === current.number}
              onClick={() => setSelected(version.number)}
              className={cn(
                "min-h-11 rounded-full border px-3 text-sm font-semibold",
                version.number === current.number ? "border-ink bg-ink text-white" : "border-line bg-white text-ink",
              )}
            >
              {t("versionLabel", { number: version.number })}
              <span className="sr-only"> · {t("versionFeedback", { count: version.feedbackCount })}</span>
            </button>
          ))}
        </div>
      ) : null}
      <p className="text-sm text-muted">
        {t("versionInfo", {
          number: current.number,
          date: format.dateTime(new Date(current.createdAt), { dateStyle: "medium" }),
          count: current.feedbackCount,
        })}
      </p>
      {current.file ? (
        <>
          <p className="text-sm">
            <a
              href={`/api/v1/files/${current.file.id}`}
              className="touch-target font-semibold text-teal underline"
              download
            >
              {t("downloadLabel", { name: current.file.originalName, size: formatSize(current.file.byteSize, t) })}
            </a>
          </p>
          <PdfPreview
            key={current.file.id}
            fileId={current.file.id}
            pageCount={current.file.pageCount}
            version={current.number}
            threadId={threadId}
            threadHref={threadHref}
            comments={current.comments}
            canComment={canComment}
          />
        </>
      ) : null}
      {!current.file && !current.letterText ? <p className="text-sm italic text-muted">{t("fileWithdrawn")}</p> : null}
      {current.letterText ? (
        <div className="flex flex-col gap-1">
          <h3 className="text-sm font-semibold">{t("pastedLetter")}</h3>
          <div className="whitespace-pre-line break-words rounded-md border border-line bg-sand/40 p-3 text-sm">
            {current.letterText}
          </div>
        </div>
      ) : null}
    </div>
  );
}
