"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useLiveCount } from "@/components/notifications/use-unread-count";

const EVENTS = ["messages:changed", "message:created"] as const;

function ChatIcon() {
  return (
    <svg aria-hidden="true" viewBox="0 0 24 24" className="size-6" fill="none" stroke="currentColor" strokeWidth="2">
      <path d="M21 12a8 8 0 0 1-11.6 7.1L4 20l1-4.4A8 8 0 1 1 21 12Z" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}

/** The header's link to /messages with the number of conversations holding unseen messages (live). */
export function MessagesLink() {
  const t = useTranslations("messages");
  const { unread } = useLiveCount("/api/messages/unread", EVENTS);
  return (
    <Link
      href="/messages"
      aria-label={unread > 0 ? t("headerLinkUnread", { count: unread }) : t("headerLink")}
      className="relative inline-flex size-11 items-center justify-center rounded-full text-ink hover:bg-sand"
    >
      <ChatIcon />
      {unread > 0 ? (
        <span
          aria-hidden="true"
          data-testid="messages-count"
          className="absolute -right-0.5 -top-0.5 min-w-5 rounded-full bg-brand px-1 text-center text-xs font-bold leading-5 text-white"
        >
          {unread > 99 ? "99+" : unread}
        </span>
      ) : null}
    </Link>
  );
}
