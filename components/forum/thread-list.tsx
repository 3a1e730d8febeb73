import Link from "next/link";
import type { ComponentProps } from "react";
import { useTranslations } from "next-intl";
import { Avatar } from "@/components/ui/avatar";
import { Badge } from "@/components/ui/badge";
import { AuthorName } from "./author-name";
import { RelativeTime } from "./relative-time";

export type ThreadListEntry = {
  id: number;
  href: string;
  title: string;
  excerpt: string;
  isPinned: boolean;
  isLocked: boolean;
  replyCount: number;
  lastActivityAt: Date;
  author: { id: string; name: string; role: string; organisation: string | null };
  participants: { id: string; name: string }[];
  isQuestion?: boolean;
  isSolved?: boolean;
  /** For a member: a thread never opened, or how many posts came since the last visit. */
  unread?: { isNew: true } | { isNew: false; count: number } | null;
  /** What a kind of thread adds to its entry (e.g. a review's "Résolu", "Sans retour"). */
  badges?: { label: string; tone?: ComponentProps<typeof Badge>["tone"] }[];
};

export function ThreadList({ threads }: { threads: ThreadListEntry[] }) {
  const t = useTranslations("forum");
  const tQa = useTranslations("qa");
  return (
    <ul className="flex flex-col divide-y divide-line overflow-hidden rounded-2xl border border-line bg-white">
      {threads.map((thread) => (
        <li key={thread.id} className="flex flex-col gap-2 p-4 sm:flex-row sm:items-start sm:gap-4">
          <div className="min-w-0 flex-1">
            <div className="flex flex-wrap items-center gap-2">
              {thread.isPinned ? <Badge tone="brand">{t("pinned")}</Badge> : null}
              {thread.isLocked ? <Badge>{t("locked")}</Badge> : null}
              {thread.isQuestion ? (
                thread.isSolved ? (
                  <Badge tone="success">{tQa("solvedBadge")}</Badge>
                ) : (
                  <Badge tone="teal">{tQa("questionBadge")}</Badge>
                )
              ) : null}
              {thread.unread ? (
                <span className="inline-flex items-center gap-1.5 text-sm font-bold text-brand">
                  <span aria-hidden="true" className="size-2.5 rounded-full bg-brand" />
                  {thread.unread.isNew ? t("unreadNew") : t("unreadCount", { count: thread.unread.count })}
                </span>
              ) : null}
              {thread.badges?.map((badge) => (
                <Badge key={badge.label} tone={badge.tone}>
                  {badge.label}
                </Badge>
              ))}
              <h2 className="text-lg font-bold leading-snug">
                <Link href={thread.href} className="text-ink hover:text-brand hover:underline">
                  {thread.title}
                </Link>
              </h2>
            </div>
            {thread.excerpt ? <p className="mt-1 line-clamp-2 text-muted">{thread.excerpt}</p> : null}
            <p className="mt-2 flex flex-wrap items-center gap-x-2 gap-y-1 text-sm text-muted">
              <AuthorName author={thread.author} />
              <span aria-hidden="true">·</span>
              <span>
                {t("lastActivity")} <RelativeTime date={thread.lastActivityAt} />
              </span>
            </p>
          </div>
          <div className="flex items-center gap-3 sm:flex-col sm:items-end">
            <span className="text-sm font-semibold text-ink">{t("replyCount", { count: thread.replyCount })}</span>
            {thread.participants.length > 0 ? (
              <span
                className="flex -space-x-2"
                aria-label={t("participants", { names: thread.participants.map((p) => p.name).join(", ") })}
                role="img"
              >
                {thread.participants.map((participant) => (
                  <Avatar
                    key={participant.id}
                    name={participant.name}
                    seed={participant.id}
                    size="sm"
                    className="ring-2 ring-white"
                  />
                ))}
              </span>
            ) : null}
          </div>
        </li>
      ))}
    </ul>
  );
}
