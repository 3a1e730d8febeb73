import { and, eq, inArray, sql } from "drizzle-orm";
import type { DbOrTx } from "../client";
import { reactions, users, type ReactionEmoji } from "../schema";

export type ReactionSummary = {
  emoji: ReactionEmoji;
  count: number;
  names: string[];
  userIds: string[];
  hasReacted: boolean;
};

/** Reaction counts, reactors' names and the viewer's own reactions for many posts, in one query. */
export async function listReactionSummaries(
  db: DbOrTx,
  { postIds, viewerId }: { postIds: number[]; viewerId: string | null },
): Promise<Map<number, ReactionSummary[]>> {
  const byPost = new Map<number, ReactionSummary[]>();
  if (!postIds.length) return byPost;
  const rows = await db
    .select({
      postId: reactions.postId,
      emoji: reactions.emoji,
      count: sql<number>`count(*)::int`,
      names: sql<string[]>`(array_agg(${users.name} order by ${reactions.createdAt}))[1:12]`,
      // Lets a live page tell whether its own reader is among those who reacted.
      userIds: sql<string[]>`(array_agg(${reactions.userId}::text order by ${reactions.createdAt}))[1:500]`,
      hasReacted: viewerId ? sql<boolean>`bool_or(${reactions.userId} = ${viewerId}::uuid)` : sql<boolean>`false`,
    })
    .from(reactions)
    .innerJoin(users, eq(users.id, reactions.userId))
    .where(inArray(reactions.postId, postIds))
    .groupBy(reactions.postId, reactions.emoji);
  for (const row of rows) {
    const list = byPost.get(row.postId) ?? [];
    list.push({
      emoji: row.emoji,
      count: row.count,
      names: row.names,
      userIds: row.userIds,
      hasReacted: row.hasReacted,
    });
    byPost.set(row.postId, list);
  }
  return byPost;
}

/** Adds the reaction, or removes it if the member had already given it. Returns the post's new summary. */
export async function toggleReaction(
  db: DbOrTx,
  { postId, userId, emoji }: { postId: number; userId: string; emoji: ReactionEmoji },
): Promise<ReactionSummary[]> {
  return db.transaction(async (tx) => {
    const inserted = await tx
      .insert(reactions)
      .values({ postId, userId, emoji })
      .onConflictDoNothing()
      .returning({ postId: reactions.postId });
    if (!inserted.length) {
      await tx
        .delete(reactions)
        .where(and(eq(reactions.postId, postId), eq(reactions.userId, userId), eq(reactions.emoji, emoji)));
    }
    return (await listReactionSummaries(tx, { postIds: [postId], viewerId: userId })).get(postId) ?? [];
  });
}
