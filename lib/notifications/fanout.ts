import "server-only";
import { listBlockersOf } from "@/db/queries/blocks";
import {
  findPostAudience,
  findRecipients,
  type AudienceMember,
  type NewNotification,
} from "@/db/queries/notifications";
import { getPostById, type PostWithAuthor } from "@/db/queries/posts";
import type { Channel, Thread, ThreadKind } from "@/db/schema";
import type { DbOrTx } from "@/db";
import { DEFAULT_DELIVERY, notificationTypes, type Delivery, type NotificationType } from "@/lib/domain/notifications";
import { canReadThread, type Actor } from "@/lib/permissions";
import { createNotifications } from "./dispatch";

type Preferences = Partial<Record<NotificationType, Delivery>> | null;

/** The member's delivery for a type: their choice over the defaults. */
export function deliveryFor(type: NotificationType, preferences: Preferences): Delivery {
  return { ...DEFAULT_DELIVERY[type], ...preferences?.[type] };
}

/** Lower is stronger: a member who qualifies twice for one post gets the strongest type only. */
const PRIORITY = new Map(notificationTypes.map((type, index) => [type, index]));

function stronger(a: NotificationType | undefined, b: NotificationType): NotificationType {
  return a !== undefined && PRIORITY.get(a)! <= PRIORITY.get(b)! ? a : b;
}

/** What a reply means to the thread's author, by kind: feedback on a document, a question on an offer… */
function typeForThreadAuthor(kind: ThreadKind, replyAuthorRole: string): NotificationType {
  switch (kind) {
    case "review":
    case "pitch":
      return "review";
    case "offer":
      return "offer_question";
    case "question":
      return replyAuthorRole === "pro" ? "answer" : "reply_to_me";
    default:
      return "reply_to_me";
  }
}

/** The row to write for a member and a type, or null when their preferences say "nothing". */
function rowFor(
  member: { userId: string; delivery: Preferences },
  type: NotificationType,
  event: Omit<NewNotification, "userId" | "kind">,
): NewNotification | null {
  const delivery = deliveryFor(type, member.delivery);
  if (!delivery.bell && !delivery.push && delivery.email === "off") return null;
  return {
    ...event,
    userId: member.userId,
    kind: type,
    inBell: delivery.bell,
    email: delivery.email,
    push: delivery.push,
  };
}

function asActor(member: AudienceMember): NonNullable<Actor> {
  return { id: member.userId, role: member.role, status: member.status };
}

/**
 * The notifications of a newly published post, from one audience query and one INSERT however
 * many members follow the thread. Called once by the publishing pipeline after commit, for
 * every kind of post. Nobody is told of their own post, of a thread they muted, or of a
 * thread they cannot read.
 */
export async function notifyPostPublished(
  db: DbOrTx,
  published: { thread: Thread; channel: Channel; post: PostWithAuthor; isNewThread: boolean },
): Promise<number> {
  const { thread, channel, post, isNewThread } = published;
  const direct = new Map<string, NotificationType>();
  if (!isNewThread) {
    direct.set(thread.authorId, typeForThreadAuthor(thread.kind, post.author.role));
    const repliedTo = post.replyToId ? await getPostById(db, { postId: post.replyToId }) : null;
    if (repliedTo) direct.set(repliedTo.authorId, stronger(direct.get(repliedTo.authorId), "reply_to_me"));
  }
  const audience = await findPostAudience(db, {
    threadId: thread.id,
    channelId: channel.id,
    postId: post.id,
    watchedByDefault: channel.watchedByDefault,
    extraUserIds: [...direct.keys()],
  });
  // Members who blocked the author hear no mention from them (README "Private conversations").
  const blockers = new Set(
    await listBlockersOf(db, {
      authorId: post.authorId,
      userIds: audience.filter((member) => member.isMentioned).map((member) => member.userId),
    }),
  );
  const rows: NewNotification[] = [];
  for (const member of audience) {
    if (member.userId === post.authorId || member.threadLevel === "muted") continue;
    if (!canReadThread(asActor(member), channel, thread)) continue;
    let type: NotificationType | undefined = direct.get(member.userId);
    if (member.isMentioned && !blockers.has(member.userId)) type = stronger(type, "mention");
    const isWatching = member.threadLevel ? member.threadLevel === "watching" : member.channelLevel === "watching";
    if (isWatching) type = stronger(type, "watching");
    if (!type) continue;
    const row = rowFor(member, type, { actorId: post.authorId, threadId: thread.id, postId: post.id });
    if (row) rows.push(row);
  }
  return (await createNotifications(db, rows)).length;
}

/**
 * Notifies given members of an event that is not a new post (a decision, a hidden post, an
 * accepted answer, a matching offer), each with their own delivery preferences. Called after
 * the event is committed: a failure is logged, never thrown, so it cannot undo or break it.
 */
export async function notifyMembers(
  db: DbOrTx,
  event: {
    type: NotificationType;
    userIds: string[];
    actorId?: string | null;
    threadId?: number | null;
    postId?: number | null;
    payload?: Record<string, unknown>;
    /** For events whose e-mail is sent anyway, whatever the preferences (an admission decision). */
    emailSentElsewhere?: boolean;
  },
): Promise<number> {
  const { type, userIds, emailSentElsewhere, ...fields } = event;
  try {
    const recipients = await findRecipients(
      db,
      userIds.filter((id) => id !== event.actorId),
    );
    const rows = recipients.flatMap((recipient) => {
      const row = rowFor(recipient, type, fields);
      return row ? [emailSentElsewhere ? { ...row, email: "off" as const } : row] : [];
    });
    return (await createNotifications(db, rows)).length;
  } catch (error) {
    console.error(`[notifications] could not notify of ${type}:`, error);
    return 0;
  }
}
