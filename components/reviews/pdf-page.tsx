"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, type CSSProperties, type KeyboardEvent, type PointerEvent } from "react";
import { useTranslations } from "next-intl";
import type { PDFDocumentProxy } from "pdfjs-dist";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextAreaField } from "@/components/ui/field";
import { PageCommentItem } from "./page-comment-item";
import { sendJson } from "./send-json";

type Rect = { x: number; y: number; w: number; h: number };
export type PageMarker = {
  id: number;
  postNumber: number;
  page: number;
  rect: Rect | null;
  authorName: string;
  text: string;
};

type Props = {
  doc: PDFDocumentProxy;
  number: number;
  total: number;
  version: number;
  threadId: number;
  threadHref: string;
  markers: (PageMarker & { index: number })[];
  canComment: boolean;
  /** 1 fits the page to the viewer's width; more scrolls sideways. */
  zoom: number;
};

const clamp = (value: number, max = 1) => Math.min(max, Math.max(0, value));

/** Keyboard drawing: where a zone starts, and how far one arrow press moves or resizes it. */
const KEYBOARD_START: Rect = { x: 0.25, y: 0.25, w: 0.5, h: 0.15 };
const KEYBOARD_STEP = 0.02;
const MIN_SIZE = 0.02;
const ARROWS: Record<string, [number, number]> = {
  ArrowLeft: [-1, 0],
  ArrowRight: [1, 0],
  ArrowUp: [0, -1],
  ArrowDown: [0, 1],
};

/** Arrows move the zone, Shift + arrows resize it (from its bottom-right corner); it stays on the page. */
function nudge(rect: Rect, key: string, resize: boolean): Rect {
  const [dx, dy] = ARROWS[key]!.map((direction) => direction * KEYBOARD_STEP) as [number, number];
  if (resize) {
    return {
      ...rect,
      w: clamp(Math.max(MIN_SIZE, rect.w + dx), 1 - rect.x),
      h: clamp(Math.max(MIN_SIZE, rect.h + dy), 1 - rect.y),
    };
  }
  return { ...rect, x: clamp(rect.x + dx, 1 - rect.w), y: clamp(rect.y + dy, 1 - rect.h) };
}

const percent = (value: number) => Math.round(value * 100);

/** One page: the canvas, its comment markers, and (for reviewers) drawing a rectangle to comment on. */
export function PdfPage({ doc, number, total, version, threadId, threadHref, markers, canComment, zoom }: Props) {
  const t = useTranslations("review");
  const router = useRouter();
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const [isAnnotating, setIsAnnotating] = useState(false);
  const [start, setStart] = useState<{ x: number; y: number } | null>(null);
  const [rect, setRect] = useState<Rect | null>(null);
  const [text, setText] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [idempotencyKey, setIdempotencyKey] = useState(() => crypto.randomUUID());
  const drawLayerRef = useRef<HTMLDivElement>(null);
  const [pageHeight, setPageHeight] = useState(0);

  const commentButtonRef = useRef<HTMLButtonElement>(null);
  const wasAnnotating = useRef(false);

  // The button that opened the form is gone: focus goes to the page, where arrows draw a zone;
  // when the form closes (sent or cancelled), focus comes back to the button.
  useEffect(() => {
    if (isAnnotating) drawLayerRef.current?.focus({ preventScroll: true });
    else if (wasAnnotating.current) commentButtonRef.current?.focus({ preventScroll: true });
    wasAnnotating.current = isAnnotating;
  }, [isAnnotating]);

  // Opened from a link to one of this page's markers (possibly before the page existed): go there,
  // once per link followed; a live refresh bringing new markers does not pull the reader back.
  const markerIds = markers.map((marker) => marker.id).join(",");
  const handledHash = useRef<string | null>(null);
  useEffect(() => {
    const goToLinkedMarker = () => {
      const hash = window.location.hash;
      const linked = /^#page-comment-(\d+)$/.exec(hash)?.[1];
      if (!linked || hash === handledHash.current || !markerIds.split(",").includes(linked)) return;
      handledHash.current = hash;
      const marker = document.getElementById(`page-comment-${linked}`);
      marker?.scrollIntoView({ block: "center" });
      marker?.focus({ preventScroll: true });
    };
    goToLinkedMarker();
    window.addEventListener("hashchange", goToLinkedMarker);
    return () => window.removeEventListener("hashchange", goToLinkedMarker);
  }, [markerIds]);

  function onDrawKey(event: KeyboardEvent<HTMLDivElement>) {
    if (event.key === "Escape" && rect) {
      event.preventDefault();
      setRect(null);
      return;
    }
    if (!(event.key in ARROWS)) return;
    event.preventDefault();
    setRect((old) => (old ? nudge(old, event.key, event.shiftKey) : KEYBOARD_START));
  }

  // Drawn again at the new size once a zoom settles (meanwhile the canvas is stretched by CSS).
  const isFirstRender = useRef(true);
  useEffect(() => {
    let isCancelled = false;
    let cancelRender: (() => void) | null = null;
    const draw = () =>
      doc.getPage(number).then((page) => {
        const canvas = canvasRef.current;
        if (isCancelled || !canvas) return;
        const width = canvas.parentElement?.clientWidth || 360;
        const ratio = Math.min(window.devicePixelRatio || 1, 2);
        const viewport = page.getViewport({ scale: (width / page.getViewport({ scale: 1 }).width) * ratio });
        canvas.width = Math.floor(viewport.width);
        canvas.height = Math.floor(viewport.height);
        setPageHeight(canvas.getBoundingClientRect().height);
        const task = page.render({ canvas, viewport });
        cancelRender = () => task.cancel();
        task.promise.catch(() => {});
      });
    const timer = window.setTimeout(draw, isFirstRender.current ? 0 : 200);
    isFirstRender.current = false;
    return () => {
      isCancelled = true;
      window.clearTimeout(timer);
      cancelRender?.();
    };
  }, [doc, number, zoom]);

  function point(event: PointerEvent<HTMLDivElement>) {
    const box = event.currentTarget.getBoundingClientRect();
    return { x: clamp((event.clientX - box.left) / box.width), y: clamp((event.clientY - box.top) / box.height) };
  }

  async function submit() {
    setError(null);
    const result = await sendJson(`/api/v1/reviews/${threadId}/page-comments`, "POST", {
      version,
      page: number,
      rect,
      text,
      idempotencyKey,
    });
    if (!result.ok) return setError(result.message ?? t("networkError"));
    setIsAnnotating(false);
    setRect(null);
    setText("");
    setIdempotencyKey(crypto.randomUUID());
    router.refresh();
  }

  // On a wide viewer the comment box sits beside the page, level with the zone being drawn.
  const zoneTop = rect && !start ? Math.round(rect.y * pageHeight) : 0;
  return (
    <div
      className="grid scroll-mt-16 gap-2 @3xl:grid-cols-[minmax(0,1fr)_17rem] @3xl:items-start @3xl:gap-4"
      id={`review-page-${version}-${number}`}
      data-pdf-page={number}
    >
      <div className="overflow-x-auto rounded-md">
        <div className="relative" style={{ width: `${zoom * 100}%` }}>
          <canvas
            ref={canvasRef}
            role="img"
            aria-label={t("pageAlt", { page: number, total })}
            className="block h-auto w-full rounded-md border border-line bg-white shadow-sm"
          />
          {markers.map((marker) => (
            <a
              key={marker.id}
              id={`page-comment-${marker.id}`}
              href={`${threadHref}?post=${marker.postNumber}`}
              aria-label={t("markerLabel", {
                index: marker.index,
                name: marker.authorName,
                page: number,
                text: marker.text.slice(0, 120),
              })}
              className="absolute rounded-sm border-2 border-brand bg-brand/10 focus-visible:outline-teal"
              style={
                marker.rect
                  ? {
                      left: `${marker.rect.x * 100}%`,
                      top: `${marker.rect.y * 100}%`,
                      width: `${marker.rect.w * 100}%`,
                      height: `${marker.rect.h * 100}%`,
                    }
                  : { right: "0.25rem", top: "0.25rem", width: "2.75rem", height: "2.75rem" }
              }
            >
              <span
                aria-hidden="true"
                className="absolute -left-2 -top-2 flex h-6 w-6 items-center justify-center rounded-full bg-brand text-xs font-bold text-white"
              >
                {marker.index}
              </span>
            </a>
          ))}
          {isAnnotating ? (
            <div
              ref={drawLayerRef}
              data-testid={`draw-layer-${number}`}
              tabIndex={0}
              role="application"
              aria-label={t("drawLayerLabel", { page: number })}
              aria-describedby={`draw-keys-${version}-${number}`}
              onKeyDown={onDrawKey}
              className="absolute inset-0 cursor-crosshair touch-none rounded-md focus-visible:outline focus-visible:outline-3 focus-visible:outline-teal"
              onPointerDown={(event) => {
                event.currentTarget.setPointerCapture(event.pointerId);
                const p = point(event);
                setStart(p);
                setRect({ x: p.x, y: p.y, w: 0, h: 0 });
              }}
              onPointerMove={(event) => {
                if (!start) return;
                const p = point(event);
                setRect({
                  x: Math.min(start.x, p.x),
                  y: Math.min(start.y, p.y),
                  w: Math.abs(p.x - start.x),
                  h: Math.abs(p.y - start.y),
                });
              }}
              onPointerUp={() => {
                setStart(null);
                setRect((old) => (old && old.w > 0.01 && old.h > 0.01 ? old : null));
              }}
            >
              {rect ? (
                <div
                  className="absolute border-2 border-dashed border-teal bg-teal/10"
                  style={{
                    left: `${rect.x * 100}%`,
                    top: `${rect.y * 100}%`,
                    width: `${rect.w * 100}%`,
                    height: `${rect.h * 100}%`,
                  }}
                />
              ) : null}
            </div>
          ) : null}
        </div>
      </div>
      <div
        className="flex flex-col gap-2 @3xl:pt-[var(--zone-top)]"
        style={{ "--zone-top": `${zoneTop}px` } as CSSProperties}
      >
        {markers.length ? (
          <ol className="hidden flex-col gap-2 text-sm @3xl:flex" aria-label={t("pageCommentsOn", { page: number })}>
            {markers.map((marker) => (
              <PageCommentItem key={marker.id} comment={marker} threadHref={threadHref} />
            ))}
          </ol>
        ) : null}
        {canComment && !isAnnotating ? (
          <Button
            ref={commentButtonRef}
            variant="ghost"
            size="sm"
            className="self-start"
            onClick={() => setIsAnnotating(true)}
          >
            {t("commentPage", { page: number })}
          </Button>
        ) : null}
        {isAnnotating ? (
          <div className="flex flex-col gap-2 rounded-xl border border-line p-3">
            <p className="text-sm text-muted">{t("drawHint")}</p>
            <p id={`draw-keys-${version}-${number}`} className="text-sm text-muted">
              {t("drawKeys")}
            </p>
            {rect && !start ? (
              <p className="flex flex-wrap items-center gap-2 text-sm" role="status">
                {t("zoneSelectedAt", {
                  left: percent(rect.x),
                  right: percent(rect.x + rect.w),
                  top: percent(rect.y),
                  bottom: percent(rect.y + rect.h),
                })}
                <button
                  type="button"
                  className="inline-flex min-h-11 items-center text-teal underline"
                  onClick={() => setRect(null)}
                >
                  {t("clearZone")}
                </button>
              </p>
            ) : null}
            <TextAreaField
              id={`page-comment-${version}-${number}`}
              label={t("pageCommentLabel", { page: number })}
              value={text}
              onChange={(event) => setText(event.target.value)}
              rows={3}
              maxLength={2000}
            />
            {error ? <Alert tone="error">{error}</Alert> : null}
            <div className="flex flex-wrap gap-2">
              <Button size="sm" onClick={submit}>
                {t("postPageComment")}
              </Button>
              <Button
                size="sm"
                variant="ghost"
                onClick={() => {
                  setIsAnnotating(false);
                  setRect(null);
                }}
              >
                {t("cancel")}
              </Button>
            </div>
          </div>
        ) : null}
      </div>
    </div>
  );
}
