import { and, desc, eq, gt, isNull, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { DbOrTx } from "../client";
import { buddyPairs, conversations, messagingSettings, users } from "../schema";

/** Volunteers with room left: active accounts whose capacity exceeds their open pairs. */
export async function listAvailableBuddies(db: DbOrTx) {
  const open = sql<number>`(select count(*)::int from ${buddyPairs} p where p.buddy_id = ${users.id} and p.ended_at is null)`;
  return db
    .select({
      id: users.id,
      name: users.name,
      role: users.role,
      capacity: messagingSettings.buddyCapacity,
      pairs: open,
    })
    .from(messagingSettings)
    .innerJoin(users, eq(users.id, messagingSettings.userId))
    .where(
      and(
        gt(messagingSettings.buddyCapacity, 0),
        eq(users.status, "active"),
        sql`${open} < ${messagingSettings.buddyCapacity}`,
      ),
    )
    .orderBy(users.name);
}

/** Members who joined in the last `days` days and have no buddy yet, newest first. */
export async function listNewcomersWithoutBuddy(db: DbOrTx, params: { days: number; limit: number }) {
  return db
    .select({ id: users.id, name: users.name, createdAt: users.createdAt })
    .from(users)
    .where(
      and(
        eq(users.role, "member"),
        eq(users.status, "active"),
        sql`${users.createdAt} > now() - make_interval(days => ${params.days})`,
        sql`not exists (select 1 from ${buddyPairs} p where p.newcomer_id = ${users.id} and p.ended_at is null)`,
      ),
    )
    .orderBy(desc(users.createdAt))
    .limit(params.limit);
}

/** The volunteer's capacity and open pairs, locked for the pairing's transaction. */
export async function getBuddyLoad(db: DbOrTx, params: { buddyId: string }) {
  const [row] = await db
    .select({ capacity: messagingSettings.buddyCapacity })
    .from(messagingSettings)
    .where(eq(messagingSettings.userId, params.buddyId))
    .for("update");
  const [count] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(buddyPairs)
    .where(and(eq(buddyPairs.buddyId, params.buddyId), isNull(buddyPairs.endedAt)));
  return { capacity: row?.capacity ?? 0, pairs: count?.n ?? 0 };
}

export async function endOpenPairOf(db: DbOrTx, params: { newcomerId: string }) {
  return db
    .update(buddyPairs)
    .set({ endedAt: sql`now()` })
    .where(and(eq(buddyPairs.newcomerId, params.newcomerId), isNull(buddyPairs.endedAt)))
    .returning();
}

export async function insertBuddyPair(
  db: DbOrTx,
  params: { newcomerId: string; buddyId: string; conversationId: number; createdById: string },
) {
  const [pair] = await db.insert(buddyPairs).values(params).returning();
  return pair!;
}

export async function endBuddyPair(db: DbOrTx, params: { pairId: number }) {
  const [pair] = await db
    .update(buddyPairs)
    .set({ endedAt: sql`now()` })
    .where(and(eq(buddyPairs.id, params.pairId), isNull(buddyPairs.endedAt)))
    .returning();
  return pair ?? null;
}

const newcomer = alias(users, "newcomer");
const buddy = alias(users, "buddy");

/**
 * Open pairs for the facilitators: who, since when, and when the pair last wrote to each other
 * (a date: never a word of what was written).
 */
export async function listOpenPairs(db: DbOrTx) {
  return db
    .select({
      id: buddyPairs.id,
      createdAt: buddyPairs.createdAt,
      newcomer: { id: newcomer.id, name: newcomer.name },
      buddy: { id: buddy.id, name: buddy.name },
      lastExchangeAt: sql<Date | null>`case when ${conversations.lastNumber} > 1 then ${conversations.lastMessageAt} else null end`,
    })
    .from(buddyPairs)
    .innerJoin(newcomer, eq(newcomer.id, buddyPairs.newcomerId))
    .innerJoin(buddy, eq(buddy.id, buddyPairs.buddyId))
    .leftJoin(conversations, eq(conversations.id, buddyPairs.conversationId))
    .where(isNull(buddyPairs.endedAt))
    .orderBy(desc(buddyPairs.createdAt));
}

/** The member's open pair, seen from their side: the other person and the conversation. */
export async function getMyBuddyPair(db: DbOrTx, params: { userId: string }) {
  const [row] = await db
    .select({
      pairId: buddyPairs.id,
      conversationId: buddyPairs.conversationId,
      newcomer: { id: newcomer.id, name: newcomer.name },
      buddy: { id: buddy.id, name: buddy.name },
    })
    .from(buddyPairs)
    .innerJoin(newcomer, eq(newcomer.id, buddyPairs.newcomerId))
    .innerJoin(buddy, eq(buddy.id, buddyPairs.buddyId))
    .where(
      and(
        isNull(buddyPairs.endedAt),
        sql`(${buddyPairs.newcomerId} = ${params.userId} or ${buddyPairs.buddyId} = ${params.userId})`,
      ),
    )
    .orderBy(desc(buddyPairs.createdAt))
    .limit(1);
  if (!row) return null;
  const other = row.newcomer.id === params.userId ? row.buddy : row.newcomer;
  return {
    pairId: row.pairId,
    conversationId: row.conversationId,
    other,
    isNewcomer: row.newcomer.id === params.userId,
  };
}
