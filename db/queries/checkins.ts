import { and, desc, eq, isNull, lt } from "drizzle-orm";
import type { CheckinQuestions, GoalReview } from "@/lib/domain/rhythm";
import type { DbOrTx } from "../client";
import { channels, checkins, checkinWeeks, posts, threads } from "../schema";

export async function getCheckinWeek(db: DbOrTx, { weekStart }: { weekStart: string }) {
  const [row] = await db.select().from(checkinWeeks).where(eq(checkinWeeks.weekStart, weekStart));
  return row ?? null;
}

/** Creates the week's row once; concurrent callers all get the same row. */
export async function ensureCheckinWeek(
  db: DbOrTx,
  params: { weekStart: string; questions: CheckinQuestions },
): Promise<typeof checkinWeeks.$inferSelect> {
  await db.insert(checkinWeeks).values(params).onConflictDoNothing();
  return (await getCheckinWeek(db, { weekStart: params.weekStart }))!;
}

/** Links the week to its thread unless another request did it first; returns the thread id that won. */
export async function setCheckinWeekThread(db: DbOrTx, { weekId, threadId }: { weekId: number; threadId: number }) {
  await db
    .update(checkinWeeks)
    .set({ threadId })
    .where(and(eq(checkinWeeks.id, weekId), isNull(checkinWeeks.threadId)));
  const [row] = await db
    .select({ threadId: checkinWeeks.threadId })
    .from(checkinWeeks)
    .where(eq(checkinWeeks.id, weekId));
  return row?.threadId ?? null;
}

export type CheckinInsert = {
  weekId: number;
  userId: string;
  goals: string[];
  review: GoalReview[];
  goodNews: string;
  difficulty: string;
  helpWanted: string;
  staffOnly: boolean;
  postId: number | null;
};

/** Null when the member already checked in that week. */
export async function insertCheckin(db: DbOrTx, values: CheckinInsert) {
  const [row] = await db.insert(checkins).values(values).onConflictDoNothing().returning();
  return row ?? null;
}

export async function setCheckinPost(db: DbOrTx, { id, postId }: { id: number; postId: number }) {
  await db.update(checkins).set({ postId }).where(eq(checkins.id, id));
}

/** A member's check-ins, newest week first, with their week and its thread. */
export async function listCheckinsOf(db: DbOrTx, params: { userId: string; before?: string; limit: number }) {
  return db
    .select({
      checkin: checkins,
      weekStart: checkinWeeks.weekStart,
      thread: { id: threads.id, slug: threads.slug, deletedAt: threads.deletedAt },
      channelSlug: channels.slug,
      postNumber: posts.number,
    })
    .from(checkins)
    .innerJoin(checkinWeeks, eq(checkinWeeks.id, checkins.weekId))
    .leftJoin(threads, eq(threads.id, checkinWeeks.threadId))
    .leftJoin(channels, eq(channels.id, threads.channelId))
    .leftJoin(posts, and(eq(posts.id, checkins.postId), isNull(posts.deletedAt)))
    .where(
      and(eq(checkins.userId, params.userId), params.before ? lt(checkinWeeks.weekStart, params.before) : undefined),
    )
    .orderBy(desc(checkinWeeks.weekStart))
    .limit(params.limit);
}

/** The week starts a member checked in, newest first (streaks). */
export async function listCheckinWeekStarts(db: DbOrTx, { userId, limit }: { userId: string; limit: number }) {
  const rows = await db
    .select({ weekStart: checkinWeeks.weekStart })
    .from(checkins)
    .innerJoin(checkinWeeks, eq(checkinWeeks.id, checkins.weekId))
    .where(eq(checkins.userId, userId))
    .orderBy(desc(checkinWeeks.weekStart))
    .limit(limit);
  return rows.map((row) => row.weekStart);
}
