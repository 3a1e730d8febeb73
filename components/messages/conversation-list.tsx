import Link from "next/link";
import { useTranslations } from "next-intl";
import { Avatar } from "@/components/ui/avatar";
import { Badge } from "@/components/ui/badge";
import { RelativeTime } from "@/components/forum/relative-time";
import { cn } from "@/components/ui/cn";
import type { ConversationListItem } from "@/lib/domain/conversations";

export type ConversationListEntry = Omit<ConversationListItem, "lastMessageAt" | "isArchived"> & {
  lastMessageAt: Date;
};

/** A conversation's name for its list and page: the group's title, else the other people. */
export function conversationName(entry: Pick<ConversationListEntry, "title" | "others">): string {
  return entry.title || entry.others.map((other) => other.name).join(", ") || "—";
}

/** The member's conversations, latest first; unread ones are bold and marked (not by colour alone). */
export function ConversationList({ items, viewerId }: { items: ConversationListEntry[]; viewerId: string }) {
  const t = useTranslations("messages");
  return (
    <ul className="divide-y divide-line">
      {items.map((item) => {
        const isUnread = item.lastNumber > item.lastReadNumber;
        const name = conversationName(item);
        return (
          <li key={item.id}>
            <Link
              href={`/messages/${item.id}`}
              className={cn(
                "flex items-start gap-3 p-4 text-ink no-underline hover:bg-sand focus-visible:bg-sand",
                isUnread && "bg-brand-soft/40",
              )}
            >
              <Avatar name={item.others[0]?.name ?? name} size="md" />
              <span className="flex min-w-0 flex-1 flex-col gap-0.5">
                <span className="flex items-baseline justify-between gap-2">
                  <span className={cn("truncate", isUnread ? "font-extrabold" : "font-semibold")}>{name}</span>
                  <span className="shrink-0 text-xs text-muted">
                    <RelativeTime date={item.lastMessageAt} />
                  </span>
                </span>
                <span className="flex items-center gap-2">
                  <span className={cn("line-clamp-1 text-sm", isUnread ? "text-ink" : "text-muted")}>
                    {/* "Vous :" before one's own last message; the author's name in groups only. */}
                    {item.lastAuthorId === viewerId
                      ? `${t("lastBy", { name: t("you") })} `
                      : item.isGroup && item.lastAuthorName
                        ? `${t("lastBy", { name: item.lastAuthorName })} `
                        : null}
                    {item.lastExcerpt ?? t("deleted")}
                  </span>
                  {isUnread ? (
                    <Badge tone="brand" className="shrink-0">
                      {t("unreadBadge")}
                    </Badge>
                  ) : null}
                </span>
              </span>
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
