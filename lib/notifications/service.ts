import "server-only";
import { getChannelBySlug } from "@/db/queries/channels";
import {
  getChannelFollowLevel,
  getThreadFollowLevel,
  setChannelFollowLevel,
  setThreadFollowLevel,
} from "@/db/queries/follows";
import { listNotificationItems, listUnreadForCount, markNotificationsRead } from "@/db/queries/notifications";
import { getThreadWithChannel } from "@/db/queries/threads";
import type { ServiceContext } from "@/lib/context";
import type { FollowLevel } from "@/lib/domain/notifications";
import { AppError } from "@/lib/errors";
import { canFollow, canReadChannel, canReadThread, type Actor } from "@/lib/permissions";
import { emitNotificationsChanged } from "@/lib/realtime/emit";
import { toNotificationViews, type NotificationTranslate } from "./describe";

/** The bell counts this many unread notifications at most ("99+"). */
export const UNREAD_COUNT_CAP = 100;

/** Notifications, follows and saved searches are an active member's own: 401 for visitors, 403 for the others. */
export function requireFollower(actor: Actor): asserts actor is NonNullable<Actor> {
  if (!actor) throw new AppError("unauthenticated");
  if (!canFollow(actor)) throw new AppError("forbidden");
}

/** The bell's lines, newest first (grouped by thread), by keyset pages. */
export async function listMyNotifications(
  { db, actor }: ServiceContext,
  input: { t: NotificationTranslate; cursor?: string | null; limit?: number },
) {
  requireFollower(actor);
  const page = await listNotificationItems(db, { userId: actor.id, cursor: input.cursor, limit: input.limit });
  return { items: toNotificationViews(input.t, actor, page.items), nextCursor: page.nextCursor };
}

/** Unread notifications the member may still read, up to `UNREAD_COUNT_CAP`. */
export async function countMyUnread({ db, actor }: ServiceContext): Promise<number> {
  requireFollower(actor);
  const rows = await listUnreadForCount(db, { userId: actor.id, limit: UNREAD_COUNT_CAP });
  return rows.filter(
    (row) =>
      !row.hasThread ||
      (row.visibility !== null &&
        row.channelKind !== null &&
        canReadThread(
          actor,
          { visibility: row.visibility, kind: row.channelKind },
          { deletedAt: row.threadDeletedAt, isLocked: row.threadIsLocked ?? false },
        )),
  ).length;
}

/**
 * Marks some of the member's notifications read (`ids`), those of the posts of a thread they
 * were shown, or all; their other tabs and devices update their bell.
 */
export async function markMyNotificationsRead(
  { db, actor }: ServiceContext,
  input: { ids?: number[]; all?: boolean } | { threadId: number; upToPostNumber: number },
): Promise<number> {
  requireFollower(actor);
  const scope = "threadId" in input ? input : { ids: input.all ? undefined : input.ids };
  if (!("threadId" in input) && !input.all && !input.ids?.length) return 0;
  const changed = await markNotificationsRead(db, { userId: actor.id, ...scope });
  if (changed > 0) emitNotificationsChanged([actor.id]);
  return changed;
}

export async function getMyThreadFollowLevel(
  { db, actor }: ServiceContext,
  threadId: number,
): Promise<FollowLevel | null> {
  if (!actor || !canFollow(actor)) return null;
  return (await getThreadFollowLevel(db, { userId: actor.id, threadId })) ?? "normal";
}

export async function getMyChannelFollowLevel(
  { db, actor }: ServiceContext,
  channelId: number,
): Promise<FollowLevel | null> {
  if (!actor || !canFollow(actor)) return null;
  return getChannelFollowLevel(db, { userId: actor.id, channelId });
}

export async function followThread(
  { db, actor }: ServiceContext,
  input: { threadId: number; level: FollowLevel },
): Promise<void> {
  requireFollower(actor);
  const found = await getThreadWithChannel(db, { threadId: input.threadId });
  if (!found || !canReadThread(actor, found.channel, found.thread)) throw new AppError("not_found");
  await setThreadFollowLevel(db, { userId: actor.id, threadId: input.threadId, level: input.level });
}

export async function followChannel(
  { db, actor }: ServiceContext,
  input: { channelSlug: string; level: FollowLevel },
): Promise<void> {
  requireFollower(actor);
  const channel = await getChannelBySlug(db, { slug: input.channelSlug });
  if (!channel || !canReadChannel(actor, channel)) throw new AppError("not_found");
  await setChannelFollowLevel(db, { userId: actor.id, channelId: channel.id, level: input.level });
}
