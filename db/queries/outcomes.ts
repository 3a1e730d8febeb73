import { and, desc, eq, isNull, ne, sql } from "drizzle-orm";
import type { DbOrTx } from "../client";
import { outcomes, threads, users } from "../schema";

export type OutcomeInsert = typeof outcomes.$inferInsert;
export type OutcomeRow = typeof outcomes.$inferSelect;

export async function insertOutcome(db: DbOrTx, values: OutcomeInsert): Promise<OutcomeRow> {
  const [row] = await db.insert(outcomes).values(values).returning();
  return row!;
}

/** One of the member's own declarations (withdrawn ones included). */
export async function getOwnOutcome(db: DbOrTx, { id, userId }: { id: number; userId: string }) {
  const [row] = await db
    .select()
    .from(outcomes)
    .where(and(eq(outcomes.id, id), eq(outcomes.userId, userId)));
  return row ?? null;
}

/** The member's active declarations, newest start first, with their celebration's slug. */
export async function listOwnOutcomes(
  db: DbOrTx,
  { userId }: { userId: string },
): Promise<(OutcomeRow & { threadSlug: string | null })[]> {
  const rows = await db
    .select({ outcome: outcomes, threadSlug: threads.slug })
    .from(outcomes)
    .leftJoin(threads, and(eq(threads.id, outcomes.threadId), isNull(threads.deletedAt)))
    .where(and(eq(outcomes.userId, userId), isNull(outcomes.withdrawnAt)))
    .orderBy(desc(outcomes.startsOn), desc(outcomes.id))
    .limit(50);
  return rows.map((row) => ({ ...row.outcome, threadSlug: row.threadSlug }));
}

/**
 * An active declaration of the member starting less than `days` days from `startsOn` (the same
 * period), other than `exceptId`: the new one would count the same job twice.
 */
export async function findOverlappingOutcome(
  db: DbOrTx,
  { userId, startsOn, days, exceptId }: { userId: string; startsOn: string; days: number; exceptId?: number },
): Promise<OutcomeRow | null> {
  const [row] = await db
    .select()
    .from(outcomes)
    .where(
      and(
        eq(outcomes.userId, userId),
        isNull(outcomes.withdrawnAt),
        exceptId ? ne(outcomes.id, exceptId) : undefined,
        sql`abs(${outcomes.startsOn} - ${startsOn}::date) < ${days}`,
      ),
    )
    .limit(1);
  return row ?? null;
}

export async function updateOwnOutcome(
  db: DbOrTx,
  { id, userId, ...values }: Partial<Omit<OutcomeInsert, "id" | "userId">> & { id: number; userId: string },
): Promise<OutcomeRow | null> {
  const [row] = await db
    .update(outcomes)
    .set({ ...values, updatedAt: new Date() })
    .where(and(eq(outcomes.id, id), eq(outcomes.userId, userId)))
    .returning();
  return row ?? null;
}

/** The day the member joined the community (their account's creation), a Paris calendar date. */
export async function getJoinedOn(db: DbOrTx, { userId }: { userId: string }): Promise<string | null> {
  const [row] = await db
    .select({ joinedOn: sql<string>`to_char(${users.createdAt} at time zone 'Europe/Paris', 'YYYY-MM-DD')` })
    .from(users)
    .where(eq(users.id, userId));
  return row?.joinedOn ?? null;
}

/** Takes a celebration down (the declaration was withdrawn or is no longer shared with the community). */
export async function removeCelebrationThread(db: DbOrTx, { threadId }: { threadId: number }): Promise<void> {
  await db
    .update(threads)
    .set({ deletedAt: new Date() })
    .where(and(eq(threads.id, threadId), isNull(threads.deletedAt)));
}

/** Removes a declaration just written whose celebration could not be published (the member retries cleanly). */
export async function deleteOwnOutcome(db: DbOrTx, { id, userId }: { id: number; userId: string }): Promise<void> {
  await db.delete(outcomes).where(and(eq(outcomes.id, id), eq(outcomes.userId, userId)));
}
