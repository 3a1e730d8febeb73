import "server-only";
import { and, desc, eq, inArray, notInArray, sql } from "drizzle-orm";
import type { DbOrTx } from "../client";
import { pushSubscriptions } from "../schema";

export type PushSubscriptionRow = typeof pushSubscriptions.$inferSelect;

export type NewPushSubscription = {
  userId: string;
  endpoint: string;
  p256dh: string;
  auth: string;
  userAgent: string | null;
};

/**
 * Stores a browser's subscription. An endpoint is one browser profile: subscribed again (new
 * keys) or by whoever signs in on that device next, the row is updated and moves to that member.
 * Beyond `maxPerUser` devices, the member's oldest subscriptions are dropped.
 */
export async function upsertPushSubscription(
  db: DbOrTx,
  { maxPerUser, ...params }: NewPushSubscription & { maxPerUser: number },
): Promise<PushSubscriptionRow> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(pushSubscriptions)
      .values(params)
      .onConflictDoUpdate({
        target: pushSubscriptions.endpoint,
        set: {
          userId: params.userId,
          p256dh: params.p256dh,
          auth: params.auth,
          userAgent: params.userAgent,
          createdAt: sql`now()`,
        },
      })
      .returning();
    const kept = tx
      .select({ id: pushSubscriptions.id })
      .from(pushSubscriptions)
      .where(eq(pushSubscriptions.userId, params.userId))
      .orderBy(desc(pushSubscriptions.createdAt), desc(pushSubscriptions.id))
      .limit(maxPerUser);
    await tx
      .delete(pushSubscriptions)
      .where(and(eq(pushSubscriptions.userId, params.userId), notInArray(pushSubscriptions.id, kept)));
    return row!;
  });
}

/** Removes one of the member's own subscriptions; null when they have none at that endpoint. */
export async function deletePushSubscription(
  db: DbOrTx,
  { userId, endpoint }: { userId: string; endpoint: string },
): Promise<PushSubscriptionRow | null> {
  const [row] = await db
    .delete(pushSubscriptions)
    .where(and(eq(pushSubscriptions.userId, userId), eq(pushSubscriptions.endpoint, endpoint)))
    .returning();
  return row ?? null;
}

/** A member's subscriptions (a handful of devices at most), newest first. */
export async function listPushSubscriptions(
  db: DbOrTx,
  { userId }: { userId: string },
): Promise<PushSubscriptionRow[]> {
  return db
    .select()
    .from(pushSubscriptions)
    .where(eq(pushSubscriptions.userId, userId))
    .orderBy(desc(pushSubscriptions.createdAt), desc(pushSubscriptions.id));
}

/** Removes subscriptions the push service no longer knows (it answered 404 or 410). */
export async function deletePushSubscriptionsByIds(db: DbOrTx, { ids }: { ids: string[] }): Promise<number> {
  if (ids.length === 0) return 0;
  const rows = await db
    .delete(pushSubscriptions)
    .where(inArray(pushSubscriptions.id, ids))
    .returning({ id: pushSubscriptions.id });
  return rows.length;
}

/** Records that the push service accepted a message for these subscriptions. */
export async function markPushSubscriptionsDelivered(db: DbOrTx, { ids }: { ids: string[] }): Promise<void> {
  if (ids.length === 0) return;
  await db
    .update(pushSubscriptions)
    .set({ lastSuccessAt: sql`now()` })
    .where(inArray(pushSubscriptions.id, ids));
}
