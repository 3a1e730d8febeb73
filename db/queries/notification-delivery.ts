import "server-only";
import { and, desc, eq, gt, inArray, isNull, ne, sql } from "drizzle-orm";
import type { EmailMode } from "@/lib/domain/notifications";
import type { DbOrTx } from "../client";
import {
  channelFollows,
  channels,
  digestDeliveries,
  notificationSettings,
  notifications,
  reviewRequests,
  threads,
  users,
} from "../schema";

/** Records that a notification went out by e-mail (at once or in a digest); never twice. */
export async function markNotificationsEmailed(db: DbOrTx, { ids }: { ids: number[] }): Promise<void> {
  if (ids.length === 0) return;
  await db
    .update(notifications)
    .set({ emailedAt: sql`now()` })
    .where(and(inArray(notifications.id, ids), isNull(notifications.emailedAt)));
}

/** Records that a notification was pushed to the member's devices; never twice. */
export async function markNotificationPushed(db: DbOrTx, { id }: { id: number }): Promise<boolean> {
  const rows = await db
    .update(notifications)
    .set({ pushedAt: sql`now()` })
    .where(and(eq(notifications.id, id), isNull(notifications.pushedAt)))
    .returning({ id: notifications.id });
  return rows.length > 0;
}

/** Changes how a not yet e-mailed notification goes out (`now` → `digest` when its recipient was online). */
export async function setNotificationEmailMode(
  db: DbOrTx,
  { id, email }: { id: number; email: EmailMode },
): Promise<void> {
  await db
    .update(notifications)
    .set({ email })
    .where(and(eq(notifications.id, id), isNull(notifications.emailedAt)));
}

/**
 * The notifications waiting for a member's digest: unread, meant for it, not e-mailed, newer
 * than `since`; newest first, at most `limit` (the partial index `notifications_digest_idx`).
 */
export async function listDigestNotificationIds(
  db: DbOrTx,
  params: { userId: string; since: Date; limit: number },
): Promise<number[]> {
  const rows = await db
    .select({ id: notifications.id })
    .from(notifications)
    .where(
      and(
        eq(notifications.userId, params.userId),
        eq(notifications.email, "digest"),
        isNull(notifications.emailedAt),
        isNull(notifications.readAt),
        gt(notifications.createdAt, params.since),
      ),
    )
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(params.limit);
  return rows.map((row) => row.id);
}

/**
 * Review requests (CVs, cover letters) opened since `since` by others, still without any reply
 * nor resolved, in channels the member has not muted; with what the permission check needs.
 */
export async function listUnansweredReviewRequests(db: DbOrTx, params: { userId: string; since: Date; limit: number }) {
  return db
    .select({
      thread: {
        id: threads.id,
        title: threads.title,
        slug: threads.slug,
        isLocked: threads.isLocked,
        deletedAt: threads.deletedAt,
        createdAt: threads.createdAt,
      },
      channel: { slug: channels.slug, name: channels.name, visibility: channels.visibility, kind: channels.kind },
      authorName: users.name,
      target: reviewRequests.target,
    })
    .from(threads)
    .innerJoin(reviewRequests, eq(reviewRequests.threadId, threads.id))
    .innerJoin(channels, eq(channels.id, threads.channelId))
    .innerJoin(users, eq(users.id, threads.authorId))
    .leftJoin(channelFollows, and(eq(channelFollows.channelId, channels.id), eq(channelFollows.userId, params.userId)))
    .where(
      and(
        eq(threads.kind, "review"),
        eq(threads.replyCount, 0),
        isNull(threads.deletedAt),
        isNull(reviewRequests.resolvedAt),
        ne(threads.authorId, params.userId),
        gt(threads.createdAt, params.since),
        sql`${channelFollows.level} is distinct from 'muted'`,
      ),
    )
    .orderBy(desc(threads.createdAt))
    .limit(params.limit);
}

/** Active members who get a digest, with their frequency and time zone (defaults for those who never chose). */
export async function listDigestSubscribers(db: DbOrTx) {
  const digest = sql<"weekly" | "daily">`coalesce(${notificationSettings.digest}, 'weekly')`;
  return db
    .select({
      userId: users.id,
      digest,
      timeZone: sql<string>`coalesce(${notificationSettings.timeZone}, 'Europe/Paris')`,
    })
    .from(users)
    .leftJoin(notificationSettings, eq(notificationSettings.userId, users.id))
    .where(and(eq(users.status, "active"), sql`${digest} <> 'never'`));
}

/** Of the given member/period pairs, those whose digest is already done. */
export async function listSentDigests(db: DbOrTx, pairs: { userId: string; period: string }[]): Promise<Set<string>> {
  if (pairs.length === 0) return new Set();
  const rows = await db
    .select({ userId: digestDeliveries.userId, period: digestDeliveries.period })
    .from(digestDeliveries)
    .where(
      and(
        inArray(
          digestDeliveries.userId,
          pairs.map((pair) => pair.userId),
        ),
        inArray(digestDeliveries.period, [...new Set(pairs.map((pair) => pair.period))]),
        sql`${digestDeliveries.sentAt} is not null`,
      ),
    );
  return new Set(rows.map((row) => `${row.userId}:${row.period}`));
}

/**
 * Starts (or resumes) a member's digest for a period: the row is written before anything is
 * sent. Returns whether that digest is already done (`sentAt` set), in which case nothing may
 * be sent again.
 */
export async function claimDigestDelivery(
  db: DbOrTx,
  params: { userId: string; period: string },
): Promise<{ isDone: boolean }> {
  await db.insert(digestDeliveries).values(params).onConflictDoNothing();
  const [row] = await db
    .select({ sentAt: digestDeliveries.sentAt })
    .from(digestDeliveries)
    .where(and(eq(digestDeliveries.userId, params.userId), eq(digestDeliveries.period, params.period)));
  return { isDone: Boolean(row?.sentAt) };
}

/** Marks a digest done: sent with `itemCount` lines, or 0 when there was nothing to say (no mail). */
export async function markDigestSent(
  db: DbOrTx,
  params: { userId: string; period: string; itemCount: number },
): Promise<void> {
  await db
    .update(digestDeliveries)
    .set({ sentAt: sql`now()`, itemCount: params.itemCount })
    .where(
      and(
        eq(digestDeliveries.userId, params.userId),
        eq(digestDeliveries.period, params.period),
        isNull(digestDeliveries.sentAt),
      ),
    );
}
