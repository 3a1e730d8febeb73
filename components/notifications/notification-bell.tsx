"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useCallback, useEffect, useId, useRef, useState, type ReactNode } from "react";
import { cn } from "@/components/ui/cn";
import type { NotificationView } from "@/lib/notifications/describe";
import { markNotificationsRead, NotificationList } from "./notification-list";
import { useUnreadCount } from "./use-unread-count";

function BellIcon() {
  return (
    <svg aria-hidden="true" viewBox="0 0 24 24" className="size-6" fill="none" stroke="currentColor" strokeWidth="2">
      <path d="M6 8a6 6 0 1 1 12 0c0 7 3 9 3 9H3s3-2 3-9" strokeLinecap="round" strokeLinejoin="round" />
      <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}

function CountBadge({ label }: { label: string | null }) {
  if (!label) return null;
  return (
    <span
      aria-hidden="true"
      data-testid="bell-count"
      className="absolute -right-0.5 -top-0.5 min-w-5 rounded-full bg-brand px-1 text-center text-xs font-bold leading-5 text-white"
    >
      {label}
    </span>
  );
}

type PanelData = { items: NotificationView[]; unread: number };

async function fetchPanel(): Promise<PanelData | null> {
  const response = await fetch("/api/notifications?limit=15", { cache: "no-store" }).catch(() => null);
  return response?.ok ? ((await response.json()) as PanelData) : null;
}

type PanelState = { status: "idle" | "loading" | "error" | "ready"; items: NotificationView[] };

/**
 * The bell: the unread count (live), and a panel of the latest notifications. On phones it is a
 * link to the notifications page, which has room to breathe; from `sm` up it opens the panel.
 * `footer` holds what the page passes in (the push opt-in for this device).
 */
export function NotificationBell({
  initialUnread,
  cap,
  footer,
}: {
  initialUnread: number;
  cap: number;
  footer?: ReactNode;
}) {
  const t = useTranslations("notifications.bell");
  const { unread, label, version, setUnread } = useUnreadCount(initialUnread, cap);
  const [isOpen, setIsOpen] = useState(false);
  const [panel, setPanel] = useState<PanelState>({ status: "idle", items: [] });
  const panelId = useId();
  const buttonRef = useRef<HTMLButtonElement>(null);
  const containerRef = useRef<HTMLDivElement>(null);
  const accessibleName = unread > 0 ? t("labelUnread", { count: unread }) : t("label");

  const apply = useCallback(
    (body: PanelData | null) => {
      if (!body) return setPanel((current) => ({ ...current, status: "error" }));
      setPanel({ status: "ready", items: body.items });
      setUnread(body.unread);
    },
    [setUnread],
  );

  // An open panel follows what happens (new notifications, lines read in another tab).
  useEffect(() => {
    if (!isOpen) return;
    let isCurrent = true;
    void fetchPanel().then((body) => {
      if (isCurrent) apply(body);
    });
    return () => {
      isCurrent = false;
    };
  }, [isOpen, version, apply]);

  const close = useCallback((returnFocus: boolean) => {
    setIsOpen(false);
    if (returnFocus) buttonRef.current?.focus();
  }, []);

  useEffect(() => {
    if (!isOpen) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "Escape") close(true);
    };
    const onPointer = (event: PointerEvent) => {
      if (!containerRef.current?.contains(event.target as Node)) close(false);
    };
    document.addEventListener("keydown", onKey);
    document.addEventListener("pointerdown", onPointer);
    return () => {
      document.removeEventListener("keydown", onKey);
      document.removeEventListener("pointerdown", onPointer);
    };
  }, [isOpen, close]);

  const markAll = async () => {
    const response = await markNotificationsRead({ all: true }).catch(() => null);
    if (response?.ok) setUnread(((await response.json()) as { unread: number }).unread);
    apply(await fetchPanel());
  };

  // `display` is given per variant: one class list with both `hidden` and `inline-flex` would depend on CSS order.
  const iconButton = "relative size-11 items-center justify-center rounded-full text-ink hover:bg-sand";
  return (
    <div ref={containerRef} className="relative">
      <Link href="/notifications" className={cn(iconButton, "inline-flex sm:hidden")} aria-label={accessibleName}>
        <BellIcon />
        <CountBadge label={label} />
      </Link>
      <button
        ref={buttonRef}
        type="button"
        className={cn(iconButton, "hidden sm:inline-flex")}
        aria-label={accessibleName}
        aria-expanded={isOpen}
        aria-controls={panelId}
        onClick={() => {
          if (!isOpen && panel.items.length === 0) setPanel({ status: "loading", items: [] });
          setIsOpen(!isOpen);
        }}
      >
        <BellIcon />
        <CountBadge label={label} />
      </button>
      <div
        id={panelId}
        hidden={!isOpen}
        role="region"
        aria-label={t("title")}
        className="absolute right-0 z-40 mt-2 w-96 max-w-[calc(100vw-2rem)] rounded-xl border border-line bg-white shadow-lg"
      >
        <div className="flex items-center justify-between gap-2 border-b border-line px-3 py-2">
          <h2 className="text-base font-bold">{t("title")}</h2>
          {unread > 0 ? (
            <button
              type="button"
              onClick={markAll}
              className="rounded px-2 py-1 text-sm font-semibold text-teal hover:underline"
            >
              {t("markAllRead")}
            </button>
          ) : null}
        </div>
        <div className="max-h-[60vh] overflow-y-auto" aria-live="polite" aria-busy={panel.status === "loading"}>
          {panel.status === "loading" ? <p className="p-4 text-sm text-muted">{t("loading")}</p> : null}
          {panel.status === "error" ? <p className="p-4 text-sm text-danger">{t("error")}</p> : null}
          {panel.status === "ready" && panel.items.length === 0 ? (
            <p className="p-4 text-sm text-muted">{t("empty")}</p>
          ) : null}
          {panel.items.length > 0 ? <NotificationList items={panel.items} onOpen={() => close(false)} /> : null}
        </div>
        <div className="flex flex-col gap-2 border-t border-line px-3 py-2 text-sm">
          {/* Mounted with the panel only: it asks the server about this device. */}
          {isOpen ? footer : null}
          <div className="flex justify-between gap-2">
            <Link href="/notifications" className="font-semibold text-teal underline" onClick={() => close(false)}>
              {t("seeAll")}
            </Link>
            <Link
              href="/settings/notifications"
              className="font-semibold text-teal underline"
              onClick={() => close(false)}
            >
              {t("preferences")}
            </Link>
          </div>
        </div>
      </div>
    </div>
  );
}
