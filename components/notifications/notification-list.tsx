"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { RelativeTime } from "@/components/forum/relative-time";
import { cn } from "@/components/ui/cn";
import type { NotificationView } from "@/lib/notifications/describe";
import { markNotificationsRead } from "./mark-read";

/** Lines of the bell (panel and page): unread ones stand out, each links to the exact post. */
export function NotificationList({
  items,
  onOpen,
}: {
  items: NotificationView[];
  /** Called when a line is followed (the panel closes itself). */
  onOpen?: (item: NotificationView) => void;
}) {
  const t = useTranslations("notifications.bell");
  return (
    <ul className="flex flex-col divide-y divide-line" data-testid="notification-list">
      {items.map((item) => (
        <li key={item.ids.join("-")}>
          <Link
            href={item.path}
            onClick={() => {
              if (!item.isRead) void markNotificationsRead({ ids: item.ids }).catch(() => null);
              onOpen?.(item);
            }}
            className={cn(
              "flex min-h-11 gap-3 px-3 py-3 text-ink no-underline hover:bg-sand focus-visible:bg-sand",
              !item.isRead && "bg-brand-soft/60",
            )}
          >
            <span
              aria-hidden="true"
              className={cn("mt-1.5 size-2.5 shrink-0 rounded-full", item.isRead ? "bg-transparent" : "bg-brand")}
            />
            <span className="flex min-w-0 flex-col gap-0.5">
              <span className={cn("break-words text-sm", !item.isRead && "font-semibold")}>
                {item.isRead ? null : <span className="sr-only">{t("unread")} : </span>}
                {item.text}
              </span>
              {item.excerpt ? <span className="line-clamp-2 text-sm text-muted">{item.excerpt}</span> : null}
              <span className="text-xs text-muted">
                <RelativeTime date={item.createdAt} />
              </span>
            </span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
