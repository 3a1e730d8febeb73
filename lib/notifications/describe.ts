import "server-only";
import type { NotificationRow } from "@/db/queries/notifications";
import { translateKey } from "@/lib/i18n/translate-key";
import { canReadThread, canSeePostContent, type Actor } from "@/lib/permissions";
import { threadPath } from "@/lib/slug";

/** A translator scoped to the `notifications` namespace (next-intl's, server or e-mail side). */
export type NotificationTranslate = (key: string, values?: Record<string, string | number>) => string;

/** next-intl's typed translator for the `notifications` namespace, taking the keys built here. */
export function notificationTranslate(t: (key: never, ...rest: never[]) => string): NotificationTranslate {
  return (key, values) => translateKey(t, key, values);
}

/**
 * Whether the recipient may still see what a notification is about. Checked when delivering
 * (bell, e-mail, push), not only when creating: a thread moved to a staff channel, deleted, or a
 * post hidden since then is not shown, and nothing of it leaks.
 */
export function isDeliverable(recipient: NonNullable<Actor>, row: NotificationRow): boolean {
  const { notification, thread, channel, post } = row;
  if (notification.threadId !== null) {
    if (!thread?.id || !channel?.slug || !canReadThread(recipient, channel, thread)) return false;
  }
  if (notification.postId !== null) {
    if (!post?.authorId || !canSeePostContent(recipient, post)) return false;
  }
  return true;
}

/** Where a notification leads: the exact post when there is one. */
export function notificationPath(row: NotificationRow): string {
  const { notification, thread, channel, post } = row;
  if (thread?.id && channel?.slug) {
    const base = threadPath(channel.slug, { id: thread.id, slug: thread.slug });
    return post?.number ? `${base}?post=${post.number}#p${post.number}` : base;
  }
  if (notification.kind === "message" && typeof notification.payload.conversationId === "number") {
    return `/messages/${notification.payload.conversationId}`;
  }
  if (notification.kind === "decision") return notification.payload.about === "pro" ? "/pros" : "/";
  if (notification.kind === "activity" && typeof notification.payload.activityId === "number") {
    return `/activites/${notification.payload.activityId}`;
  }
  if (notification.kind === "survey") return "/enquete";
  return "/notifications";
}

/** The message key of a notification's text; some types say different things by payload or thread. */
function textKey(row: NotificationRow): string {
  const { notification, post } = row;
  switch (notification.kind) {
    case "answer":
      return notification.payload.accepted ? "text.answerAccepted" : "text.answerByPro";
    case "decision":
      return `text.decision.${notification.payload.about === "pro" ? "pro" : "admission"}.${notification.payload.approved ? "approved" : "refused"}`;
    case "watching":
      return post?.number === 1 ? "text.newThread" : "text.watching";
    case "activity":
      return `text.activity.${String(notification.payload.event)}`;
    case "survey":
      return notification.payload.event === "reminder" ? "text.survey.reminder" : "text.survey.invite";
    default:
      return `text.${notification.kind}`;
  }
}

/**
 * The sentence for one notification or a group of them about one thread ("Karim et 3 autres
 * personnes vous ont répondu dans « Mon CV »"): `others` counts the group's other authors.
 */
export function describeNotification(t: NotificationTranslate, row: NotificationRow, others = 0): string {
  const actor = row.actorName ?? t("someone");
  return t(textKey(row), {
    people: t("people", { actor, others }),
    others,
    title:
      row.thread?.title ?? (typeof row.notification.payload.title === "string" ? row.notification.payload.title : ""),
    channel: row.channel?.name ?? "",
    reason: typeof row.notification.payload.reason === "string" ? row.notification.payload.reason : t("noReason"),
  });
}

/** Types whose notifications about one thread collapse into one line in the bell. */
const GROUPED_TYPES = new Set(["reply_to_me", "watching", "review", "offer_question"]);

export type NotificationView = {
  /** Every notification the line stands for: marking the line read marks them all. */
  ids: number[];
  type: string;
  text: string;
  excerpt: string | null;
  path: string;
  createdAt: string;
  isRead: boolean;
};

/**
 * The bell's lines from a page of notifications (newest first): undeliverable ones dropped,
 * unread ones of one thread and type grouped. The group's link is its oldest unread post, where
 * reading should start; its text and date are the newest one's.
 */
export function toNotificationViews(
  t: NotificationTranslate,
  recipient: NonNullable<Actor>,
  rows: NotificationRow[],
): NotificationView[] {
  const groups = new Map<string, NotificationRow[]>();
  for (const row of rows) {
    if (!isDeliverable(recipient, row)) continue;
    const { notification } = row;
    const isGroupable = GROUPED_TYPES.has(notification.kind) && notification.threadId !== null && !notification.readAt;
    const key = isGroupable ? `${notification.kind}:${notification.threadId}` : `id:${notification.id}`;
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  return [...groups.values()].map((group) => {
    const newest = group[0]!;
    const oldest = group.at(-1)!;
    const actorIds = new Set(group.map((row) => row.notification.actorId));
    const excerpt = newest.post?.bodyText?.trim();
    return {
      ids: group.map((row) => row.notification.id),
      type: newest.notification.kind,
      text: describeNotification(t, newest, Math.max(0, actorIds.size - 1)),
      excerpt: excerpt ? excerpt.slice(0, 160) : null,
      path: notificationPath(oldest),
      createdAt: newest.notification.createdAt.toISOString(),
      isRead: Boolean(newest.notification.readAt),
    };
  });
}
