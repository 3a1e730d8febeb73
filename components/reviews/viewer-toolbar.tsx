"use client";

import { useEffect, useRef, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import { cn } from "@/components/ui/cn";
import { clampZoom, MAX_ZOOM, MIN_ZOOM } from "./use-pinch-zoom";

const ZOOM_STEP = 0.25;

function ToolButton({
  label,
  onClick,
  disabled,
  pressed,
  children,
  wide,
}: {
  label: string;
  onClick: () => void;
  disabled?: boolean;
  pressed?: boolean;
  children: ReactNode;
  wide?: boolean;
}) {
  return (
    <button
      type="button"
      aria-label={wide ? undefined : label}
      title={wide ? undefined : label}
      aria-pressed={pressed}
      disabled={disabled}
      onClick={onClick}
      className={cn(
        "inline-flex min-h-11 min-w-11 items-center justify-center gap-1.5 whitespace-nowrap rounded-lg text-sm font-semibold text-ink hover:bg-sand disabled:opacity-40",
        wide && "px-3",
      )}
    >
      {children}
    </button>
  );
}

const icon = (path: ReactNode) => (
  <svg
    aria-hidden="true"
    viewBox="0 0 24 24"
    className="size-5"
    fill="none"
    stroke="currentColor"
    strokeWidth="2"
    strokeLinecap="round"
    strokeLinejoin="round"
  >
    {path}
  </svg>
);

type Props = {
  page: number;
  total: number;
  onPage: (page: number) => void;
  zoom: number;
  onZoom: (zoom: number) => void;
  isFullScreen: boolean;
  onFullScreen: (isFullScreen: boolean) => void;
};

/** Page indicator, zoom and full screen, kept at the top of the viewer while its pages scroll. */
export function ViewerToolbar({ page, total, onPage, zoom, onZoom, isFullScreen, onFullScreen }: Props) {
  const t = useTranslations("review.viewer");
  const fullScreenRef = useRef<HTMLButtonElement>(null);
  const wasFullScreen = useRef(false);
  // The button moves with the viewer: it keeps the focus when entering and leaving full screen.
  useEffect(() => {
    if (isFullScreen !== wasFullScreen.current) fullScreenRef.current?.focus({ preventScroll: true });
    wasFullScreen.current = isFullScreen;
  }, [isFullScreen]);
  return (
    <div
      role="group"
      aria-label={t("label")}
      className="sticky top-0 z-10 flex flex-wrap items-center justify-between gap-1 rounded-xl border border-line bg-white/95 p-1 shadow-sm"
    >
      {total > 1 ? (
        <div className="flex items-center">
          <ToolButton label={t("previousPage")} disabled={page <= 1} onClick={() => onPage(page - 1)}>
            {icon(<path d="m15 6-6 6 6 6" />)}
          </ToolButton>
          <span className="whitespace-nowrap px-1 text-sm font-semibold tabular-nums" data-testid="page-indicator">
            {t("pageIndicator", { page, total })}
          </span>
          <ToolButton label={t("nextPage")} disabled={page >= total} onClick={() => onPage(page + 1)}>
            {icon(<path d="m9 6 6 6-6 6" />)}
          </ToolButton>
        </div>
      ) : null}
      <div className="flex items-center">
        <ToolButton
          label={t("zoomOut")}
          disabled={zoom <= MIN_ZOOM}
          onClick={() => onZoom(clampZoom(zoom - ZOOM_STEP))}
        >
          {icon(
            <>
              <circle cx="11" cy="11" r="6.5" />
              <path d="m16 16 4.5 4.5M8 11h6" />
            </>,
          )}
        </ToolButton>
        <ToolButton label={t("fitWidth")} wide onClick={() => onZoom(1)}>
          <span className="tabular-nums">{Math.round(zoom * 100)} %</span>
          <span className="sr-only">· {t("fitWidth")}</span>
        </ToolButton>
        <ToolButton label={t("zoomIn")} disabled={zoom >= MAX_ZOOM} onClick={() => onZoom(clampZoom(zoom + ZOOM_STEP))}>
          {icon(
            <>
              <circle cx="11" cy="11" r="6.5" />
              <path d="m16 16 4.5 4.5M8 11h6M11 8v6" />
            </>,
          )}
        </ToolButton>
        <button
          ref={fullScreenRef}
          type="button"
          onClick={() => onFullScreen(!isFullScreen)}
          className="inline-flex min-h-11 items-center gap-1.5 whitespace-nowrap rounded-lg px-2 text-sm font-semibold text-ink hover:bg-sand"
        >
          {icon(
            isFullScreen ? (
              <path d="M9 4v5H4M15 4v5h5M9 20v-5H4M15 20v-5h5" />
            ) : (
              <path d="M4 9V4h5M20 9V4h-5M4 15v5h5M20 15v5h-5" />
            ),
          )}
          {isFullScreen ? t("exitFullScreen") : t("fullScreen")}
        </button>
      </div>
    </div>
  );
}
