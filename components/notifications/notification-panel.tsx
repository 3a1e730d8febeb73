"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useCallback, useEffect, useState, type RefObject } from "react";
import type { NotificationView } from "@/lib/notifications/describe";
import { markNotificationsRead } from "./mark-read";
import { NotificationList } from "./notification-list";
import { PushOptIn } from "./push-opt-in";

type PanelData = { items: NotificationView[]; unread: number };

async function fetchPanel(): Promise<PanelData | null> {
  const response = await fetch("/api/notifications?limit=15", { cache: "no-store" }).catch(() => null);
  return response?.ok ? ((await response.json()) as PanelData) : null;
}

type PanelState = { status: "loading" | "error" | "ready"; items: NotificationView[] };

/**
 * The bell's open panel (loaded on the first click): the latest lines, "mark all read", the push
 * opt-in for this device, links to the page and the preferences. It follows what happens while
 * open (`version` changes with every live update) and closes on Escape or a click outside.
 */
export function NotificationPanel({
  id,
  unread,
  version,
  vapidPublicKey,
  containerRef,
  onUnread,
  onClose,
}: {
  id: string;
  unread: number;
  version: number;
  vapidPublicKey: string | null;
  containerRef: RefObject<HTMLDivElement | null>;
  onUnread: (unread: number) => void;
  onClose: (returnFocus: boolean) => void;
}) {
  const t = useTranslations("notifications.bell");
  const [panel, setPanel] = useState<PanelState>({ status: "loading", items: [] });

  const apply = useCallback(
    (body: PanelData | null) => {
      if (!body) return setPanel((current) => ({ ...current, status: "error" }));
      setPanel({ status: "ready", items: body.items });
      onUnread(body.unread);
    },
    [onUnread],
  );

  useEffect(() => {
    let isCurrent = true;
    void fetchPanel().then((body) => {
      if (isCurrent) apply(body);
    });
    return () => {
      isCurrent = false;
    };
  }, [version, apply]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "Escape") onClose(true);
    };
    const onPointer = (event: PointerEvent) => {
      if (!containerRef.current?.contains(event.target as Node)) onClose(false);
    };
    document.addEventListener("keydown", onKey);
    document.addEventListener("pointerdown", onPointer);
    return () => {
      document.removeEventListener("keydown", onKey);
      document.removeEventListener("pointerdown", onPointer);
    };
  }, [containerRef, onClose]);

  const markAll = async () => {
    const response = await markNotificationsRead({ all: true }).catch(() => null);
    if (response?.ok) onUnread(((await response.json()) as { unread: number }).unread);
    apply(await fetchPanel());
  };

  return (
    <div
      id={id}
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
        {panel.items.length > 0 ? <NotificationList items={panel.items} onOpen={() => onClose(false)} /> : null}
      </div>
      <div className="flex flex-col gap-2 border-t border-line px-3 py-2 text-sm">
        {vapidPublicKey ? <PushOptIn vapidPublicKey={vapidPublicKey} /> : null}
        <div className="flex justify-between gap-2">
          <Link href="/notifications" className="font-semibold text-teal underline" onClick={() => onClose(false)}>
            {t("seeAll")}
          </Link>
          <Link
            href="/settings/notifications"
            className="font-semibold text-teal underline"
            onClick={() => onClose(false)}
          >
            {t("preferences")}
          </Link>
        </div>
      </div>
    </div>
  );
}
