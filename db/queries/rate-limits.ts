import "server-only";
import { and, eq, gt, lte, sql } from "drizzle-orm";
import type { DbOrTx } from "../client";
import { rateLimitEvents } from "../schema";

export type RateLimitWindow = { key: string; limit: number; windowSeconds: number };
export type RateLimitResult = { ok: true } | { ok: false; retryAt: Date; count: number };

/** Events of one key inside the sliding window, and when the oldest of them leaves it. */
export async function countRecentEvents(db: DbOrTx, { key, windowSeconds }: Omit<RateLimitWindow, "limit">) {
  const [row] = await db
    .select({ count: sql<number>`count(*)::int`, oldest: sql<string | null>`min(${rateLimitEvents.createdAt})` })
    .from(rateLimitEvents)
    .where(
      and(
        eq(rateLimitEvents.key, key),
        gt(rateLimitEvents.createdAt, sql`now() - make_interval(secs => ${windowSeconds})`),
      ),
    );
  const oldest = row?.oldest ? new Date(row.oldest) : null;
  return { count: row?.count ?? 0, retryAt: oldest ? new Date(oldest.getTime() + windowSeconds * 1000) : null };
}

/**
 * Counts one event against a limit, or refuses it. A transaction-scoped advisory lock on the
 * key serialises concurrent requests of one member (on every instance: the lock lives in the
 * database), so two parallel submissions cannot both take the last slot. Expired events of the
 * key are removed on the way, so the table only holds the current windows.
 */
export async function consumeRateLimit(
  db: DbOrTx,
  { key, limit, windowSeconds }: RateLimitWindow,
): Promise<RateLimitResult> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${key}))`);
    const { count, retryAt } = await countRecentEvents(tx, { key, windowSeconds });
    if (count >= limit)
      return { ok: false as const, retryAt: retryAt ?? new Date(Date.now() + windowSeconds * 1000), count };
    await tx.insert(rateLimitEvents).values({ key });
    await removeExpiredEvents(tx, { key, windowSeconds });
    return { ok: true as const };
  });
}

/** Records an event without checking (failed sign-ins are counted after the fact). */
export async function recordEvent(db: DbOrTx, { key }: { key: string }) {
  await db.insert(rateLimitEvents).values({ key });
}

export async function clearEvents(db: DbOrTx, { key }: { key: string }) {
  await db.delete(rateLimitEvents).where(eq(rateLimitEvents.key, key));
}

/** Removes the most recent event of a key (a counted action that created nothing). */
export async function removeLatestEvent(db: DbOrTx, { key }: { key: string }) {
  await db.execute(
    sql`delete from ${rateLimitEvents} where ${rateLimitEvents.id} = (select id from ${rateLimitEvents} where ${rateLimitEvents.key} = ${key} order by ${rateLimitEvents.createdAt} desc, ${rateLimitEvents.id} desc limit 1)`,
  );
}

/** Removes the events of a key that have left its window. */
export async function removeExpiredEvents(db: DbOrTx, { key, windowSeconds }: Omit<RateLimitWindow, "limit">) {
  await db
    .delete(rateLimitEvents)
    .where(
      and(
        eq(rateLimitEvents.key, key),
        lte(rateLimitEvents.createdAt, sql`now() - make_interval(secs => ${windowSeconds})`),
      ),
    );
}

/** Records `count` events of a key in one statement (requests counted by an instance since its last flush). */
export async function recordEvents(db: DbOrTx, { key, count }: { key: string; count: number }) {
  await db.execute(sql`insert into ${rateLimitEvents} (key) select ${key} from generate_series(1, ${count}::int)`);
}
