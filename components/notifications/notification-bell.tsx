"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { lazy, Suspense, useCallback, useId, useRef, useState } from "react";
import { cn } from "@/components/ui/cn";
import { useUnreadCount } from "./use-unread-count";

// The panel loads on the first click: not part of every page's first load. (React's `lazy`, not
// next/dynamic, which would add its own loader to every first load.)
const NotificationPanel = lazy(() =>
  import("./notification-panel").then((module) => ({ default: module.NotificationPanel })),
);

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

/**
 * The bell: the unread count (live), and a panel of the latest notifications. On phones it is a
 * link to the notifications page, which has room to breathe; from `sm` up it opens the panel.
 * The count is fetched once the live connection is up (not rendered by the server: one query
 * less on every page, and no event lost between the render and the join).
 */
export function NotificationBell({ cap, vapidPublicKey }: { cap: number; vapidPublicKey: string | null }) {
  const t = useTranslations("notifications.bell");
  const { unread, label, version, setUnread } = useUnreadCount(cap);
  const [isOpen, setIsOpen] = useState(false);
  const panelId = useId();
  const buttonRef = useRef<HTMLButtonElement>(null);
  const containerRef = useRef<HTMLDivElement>(null);
  const accessibleName = unread > 0 ? t("labelUnread", { count: unread }) : t("label");

  const close = useCallback((returnFocus: boolean) => {
    setIsOpen(false);
    if (returnFocus) buttonRef.current?.focus();
  }, []);

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
        aria-controls={isOpen ? panelId : undefined}
        onClick={() => setIsOpen(!isOpen)}
      >
        <BellIcon />
        <CountBadge label={label} />
      </button>
      {isOpen ? (
        <Suspense fallback={null}>
          <NotificationPanel
            id={panelId}
            unread={unread}
            version={version}
            vapidPublicKey={vapidPublicKey}
            containerRef={containerRef}
            onUnread={setUnread}
            onClose={close}
          />
        </Suspense>
      ) : null}
    </div>
  );
}
