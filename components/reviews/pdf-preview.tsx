"use client";

import { useEffect, useState } from "react";
import { useTranslations } from "next-intl";
import type { PDFDocumentProxy } from "pdfjs-dist";
import { cn } from "@/components/ui/cn";
import { PageCommentItem } from "./page-comment-item";
import { PdfPage, type PageMarker } from "./pdf-page";
import { ViewerToolbar } from "./viewer-toolbar";
import { usePinchZoom } from "./use-pinch-zoom";

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

/** The page most visible in the viewport, for the page indicator. */
function useCurrentPage(root: HTMLElement | null, pageCount: number) {
  const [current, setCurrent] = useState(1);
  useEffect(() => {
    if (!root || pageCount < 2) return;
    const ratios = new Map<number, number>();
    const observer = new IntersectionObserver(
      (entries) => {
        for (const entry of entries)
          ratios.set(Number((entry.target as HTMLElement).dataset.pdfPage), entry.intersectionRatio);
        const [best] = [...ratios].sort((a, b) => b[1] - a[1] || a[0] - b[0]);
        if (best && best[1] > 0) setCurrent(best[0]);
      },
      { threshold: [0, 0.1, 0.25, 0.5, 0.75, 1] },
    );
    root.querySelectorAll("[data-pdf-page]").forEach((page) => observer.observe(page));
    return () => observer.disconnect();
  }, [root, pageCount]);
  return current;
}

/**
 * The PDF's pages drawn inline, so a CV can be read on a phone without downloading: zoom (buttons
 * and two fingers), a full-screen mode, a page indicator; on a wide viewer each page has its
 * comments (and the comment being written) beside it.
 * `isEvalSupported: false`: pdf.js never compiles code from the document (fonts included),
 * and scripting/XFA stay off. The bytes come from the same permission-checked download route.
 */
export function PdfPreview({ fileId, pageCount, version, threadId, threadHref, comments, canComment }: Props) {
  const t = useTranslations("review");
  const [doc, setDoc] = useState<PDFDocumentProxy | null>(null);
  const [error, setError] = useState(false);
  const [zoom, setZoom] = useState(1);
  const [isFullScreen, setIsFullScreen] = useState(false);
  const [root, setRoot] = useState<HTMLElement | null>(null);
  const pinch = usePinchZoom(zoom, setZoom);

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

  // Full screen covers the site: the page behind does not scroll, Escape leaves it.
  useEffect(() => {
    if (!isFullScreen) return;
    const previous = document.body.style.overflow;
    document.body.style.overflow = "hidden";
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "Escape" && !event.defaultPrevented) setIsFullScreen(false);
    };
    document.addEventListener("keydown", onKey);
    return () => {
      document.body.style.overflow = previous;
      document.removeEventListener("keydown", onKey);
    };
  }, [isFullScreen]);

  const total = doc?.numPages ?? pageCount ?? 0;
  const shown = doc ? Math.min(doc.numPages, MAX_PAGES) : 0;
  const currentPage = useCurrentPage(root, shown);
  const numbered = comments.map((comment, index) => ({ ...comment, index: index + 1 }));
  const goToPage = (page: number) =>
    document.getElementById(`review-page-${version}-${page}`)?.scrollIntoView({ block: "start" });

  return (
    <section
      ref={setRoot}
      aria-labelledby={`preview-${fileId}`}
      className={cn(
        "@container flex flex-col gap-3",
        isFullScreen && "fixed inset-0 z-50 overflow-auto bg-cream px-2 pb-4 sm:px-4",
      )}
    >
      <h3 id={`preview-${fileId}`} className={cn("text-sm font-semibold", isFullScreen && "sr-only")}>
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
      {doc ? (
        <>
          <ViewerToolbar
            page={currentPage}
            total={shown}
            onPage={goToPage}
            zoom={zoom}
            onZoom={setZoom}
            isFullScreen={isFullScreen}
            onFullScreen={setIsFullScreen}
          />
          <div className="flex touch-pan-x touch-pan-y flex-col gap-4" {...pinch}>
            {Array.from({ length: shown }, (_, index) => (
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
                zoom={zoom}
              />
            ))}
          </div>
        </>
      ) : null}
      {numbered.length ? (
        // On a wide viewer each page lists its own comments beside it.
        <div className="flex flex-col gap-1 @3xl:hidden">
          <h4 className="text-sm font-semibold">{t("pageCommentsTitle")}</h4>
          <ol className="flex flex-col gap-2 text-sm">
            {numbered.map((comment) => (
              <PageCommentItem key={comment.id} comment={comment} threadHref={threadHref} />
            ))}
          </ol>
        </div>
      ) : null}
    </section>
  );
}
