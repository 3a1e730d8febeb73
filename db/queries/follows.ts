import { and, eq, sql } from "drizzle-orm";
import type { FollowLevel } from "@/lib/domain/notifications";
import type { DbOrTx } from "../client";
import { channelFollows, channels, threadFollows } from "../schema";

/**
 * Starting or replying to a thread follows it at `watching`, unless the member already chose a
 * level (a muted thread stays muted when they reply).
 */
export async function followThreadOnPost(db: DbOrTx, params: { userId: string; threadId: number }): Promise<void> {
  await db
    .insert(threadFollows)
    .values({ userId: params.userId, threadId: params.threadId, level: "watching" })
    .onConflictDoNothing();
}

export async function setThreadFollowLevel(
  db: DbOrTx,
  params: { userId: string; threadId: number; level: FollowLevel },
): Promise<void> {
  await db
    .insert(threadFollows)
    .values(params)
    .onConflictDoUpdate({
      target: [threadFollows.threadId, threadFollows.userId],
      set: { level: params.level, updatedAt: sql`now()` },
    });
}

export async function setChannelFollowLevel(
  db: DbOrTx,
  params: { userId: string; channelId: number; level: FollowLevel },
): Promise<void> {
  await db
    .insert(channelFollows)
    .values(params)
    .onConflictDoUpdate({
      target: [channelFollows.channelId, channelFollows.userId],
      set: { level: params.level, updatedAt: sql`now()` },
    });
}

/** The member's chosen level on a thread, or null when they never chose (nor posted). */
export async function getThreadFollowLevel(
  db: DbOrTx,
  params: { userId: string; threadId: number },
): Promise<FollowLevel | null> {
  const [row] = await db
    .select({ level: threadFollows.level })
    .from(threadFollows)
    .where(and(eq(threadFollows.userId, params.userId), eq(threadFollows.threadId, params.threadId)));
  return row?.level ?? null;
}

/** The member's level on a channel: their choice, else `watching` for a channel watched by default, else `normal`. */
export async function getChannelFollowLevel(
  db: DbOrTx,
  params: { userId: string; channelId: number },
): Promise<FollowLevel> {
  const [row] = await db
    .select({ level: channelFollows.level, watchedByDefault: channels.watchedByDefault })
    .from(channels)
    .leftJoin(channelFollows, and(eq(channelFollows.channelId, channels.id), eq(channelFollows.userId, params.userId)))
    .where(eq(channels.id, params.channelId));
  return row?.level ?? (row?.watchedByDefault ? "watching" : "normal");
}
