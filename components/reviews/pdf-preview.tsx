"use client";

import { useEffect, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import type { PDFDocumentProxy } from "pdfjs-dist";
import { PdfPage, type PageMarker } from "./pdf-page";

type Props = {
  fileId: string;
  pageCount: number | null;
  version: number;
  threadId: number;
  threadHref: string;
  comments: PageMarker[];
  canComment: boolean;
};

/** Loads pdf.js only here (review pages), parsing on the main thread: CVs are a few pages. */
async function loadPdfJs() {
  const pdfjs = await import("pdfjs-dist");
  // Sets globalThis.pdfjsWorker, which pdf.js then uses instead of spawning a worker from a URL.
  await import("pdfjs-dist/build/pdf.worker.min.mjs");
  return pdfjs;
}

const MAX_PAGES = 30;

/**
 * The PDF's pages drawn inline, full width, so a CV can be read on a phone without downloading.
 * `isEvalSupported: false`: pdf.js never compiles code from the document (fonts included),
 * and scripting/XFA stay off. The bytes come from the same permission-checked download route.
 */
export function PdfPreview({ fileId, pageCount, version, threadId, threadHref, comments, canComment }: Props) {
  const t = useTranslations("review");
  const [doc, setDoc] = useState<PDFDocumentProxy | null>(null);
  const [error, setError] = useState(false);
  const docRef = useRef<PDFDocumentProxy | null>(null);

  useEffect(() => {
    let isCancelled = false;
    let destroy: (() => void) | null = null;
    loadPdfJs()
      .then((pdfjs) => {
        if (isCancelled) return null;
        const task = pdfjs.getDocument({
          url: `/api/v1/files/${fileId}`,
          isEvalSupported: false,
          enableXfa: false,
          disableAutoFetch: true,
        });
        destroy = () => void task.destroy();
        return task.promise;
      })
      .then((loaded) => {
        if (!loaded || isCancelled) return;
        docRef.current = loaded;
        setDoc(loaded);
      })
      .catch((reason: unknown) => {
        console.error("[preview]", reason);
        if (!isCancelled) setError(true);
      });
    return () => {
      isCancelled = true;
      destroy?.();
    };
  }, [fileId]);

  const total = doc?.numPages ?? pageCount ?? 0;
  const numbered = comments.map((comment, index) => ({ ...comment, index: index + 1 }));
  return (
    <section aria-labelledby={`preview-${fileId}`} className="flex flex-col gap-3">
      <h3 id={`preview-${fileId}`} className="text-sm font-semibold">
        {t("previewTitle")} {total ? `· ${t("pages", { count: total })}` : null}
      </h3>
      {!doc && !error ? (
        <p className="text-sm text-muted" role="status">
          {t("previewLoading")}
        </p>
      ) : null}
      {error ? (
        <p className="text-sm text-danger" role="alert">
          {t("previewError")}
        </p>
      ) : null}
      {doc
        ? Array.from({ length: Math.min(doc.numPages, MAX_PAGES) }, (_, index) => (
            <PdfPage
              key={index + 1}
              doc={doc}
              number={index + 1}
              total={doc.numPages}
              version={version}
              threadId={threadId}
              threadHref={threadHref}
              markers={numbered.filter((comment) => comment.page === index + 1)}
              canComment={canComment}
            />
          ))
        : null}
      {numbered.length ? (
        <div className="flex flex-col gap-1">
          <h4 className="text-sm font-semibold">{t("pageCommentsTitle")}</h4>
          <ol className="flex flex-col gap-2 text-sm">
            {numbered.map((comment) => (
              <li key={comment.id} className="rounded-md border border-line p-2">
                <p className="font-semibold">
                  {t("pageCommentItem", { index: comment.index, page: comment.page, name: comment.authorName })}
                </p>
                <p className="line-clamp-3 break-words">{comment.text}</p>
                <p className="flex flex-wrap gap-3">
                  <a href={`${threadHref}?post=${comment.postNumber}`} className="text-teal underline">
                    {t("seeInDiscussion")}
                  </a>
                  <a href={`#page-comment-${comment.id}`} className="text-teal underline">
                    {t("seeOnPage", { page: comment.page })}
                  </a>
                </p>
              </li>
            ))}
          </ol>
        </div>
      ) : null}
    </section>
  );
}
