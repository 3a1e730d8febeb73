import { and, eq, inArray, isNull, ne, or, sql } from "drizzle-orm";
import type { DbOrTx } from "../client";
import { conversationParticipants, messagingSettings, userBlocks, users } from "../schema";

/**
 * The accounts an actor wants to write to, with what decides whether they may: status, whether
 * they blocked the actor, whether they accept new conversations (defaults when they never chose).
 */
export async function getMessageTargets(db: DbOrTx, params: { actorId: string; userIds: string[] }) {
  if (params.userIds.length === 0) return [];
  return db
    .select({
      id: users.id,
      name: users.name,
      role: users.role,
      status: users.status,
      hasBlockedActor: sql<boolean>`exists (select 1 from ${userBlocks} b where b.blocker_id = ${users.id} and b.blocked_id = ${params.actorId})`,
      isBlockedByActor: sql<boolean>`exists (select 1 from ${userBlocks} b where b.blocker_id = ${params.actorId} and b.blocked_id = ${users.id})`,
      acceptsNewConversations: sql<boolean>`coalesce(${messagingSettings.acceptsNewConversations}, true)`,
      availabilityNote: sql<string>`coalesce(${messagingSettings.availabilityNote}, '')`,
    })
    .from(users)
    .leftJoin(messagingSettings, eq(messagingSettings.userId, users.id))
    .where(inArray(users.id, params.userIds));
}

/** Whether a block stands between `userId` and anyone else still in the conversation (either way). */
export async function isBlockedInConversation(
  db: DbOrTx,
  params: { conversationId: number; userId: string },
): Promise<boolean> {
  const rows = await db
    .select({ one: sql<number>`1` })
    .from(conversationParticipants)
    .innerJoin(
      userBlocks,
      or(
        and(eq(userBlocks.blockerId, params.userId), eq(userBlocks.blockedId, conversationParticipants.userId)),
        and(eq(userBlocks.blockerId, conversationParticipants.userId), eq(userBlocks.blockedId, params.userId)),
      ),
    )
    .where(
      and(
        eq(conversationParticipants.conversationId, params.conversationId),
        ne(conversationParticipants.userId, params.userId),
        isNull(conversationParticipants.leftAt),
      ),
    )
    .limit(1);
  return rows.length > 0;
}

export async function insertBlock(db: DbOrTx, params: { blockerId: string; blockedId: string }) {
  await db.insert(userBlocks).values(params).onConflictDoNothing();
}

export async function deleteBlock(db: DbOrTx, params: { blockerId: string; blockedId: string }) {
  await db
    .delete(userBlocks)
    .where(and(eq(userBlocks.blockerId, params.blockerId), eq(userBlocks.blockedId, params.blockedId)));
}

/** Members the account blocked, by name. */
export async function listBlockedUsers(db: DbOrTx, params: { blockerId: string }) {
  return db
    .select({ id: users.id, name: users.name })
    .from(userBlocks)
    .innerJoin(users, eq(users.id, userBlocks.blockedId))
    .where(eq(userBlocks.blockerId, params.blockerId))
    .orderBy(users.name);
}

/** Of `userIds`, those who blocked `authorId` (they get no mention notifications from them). */
export async function listBlockersOf(db: DbOrTx, params: { authorId: string; userIds: string[] }): Promise<string[]> {
  if (params.userIds.length === 0) return [];
  const rows = await db
    .select({ id: userBlocks.blockerId })
    .from(userBlocks)
    .where(and(eq(userBlocks.blockedId, params.authorId), inArray(userBlocks.blockerId, params.userIds)));
  return rows.map((row) => row.id);
}

export async function getMessagingSettings(db: DbOrTx, params: { userId: string }) {
  const [row] = await db.select().from(messagingSettings).where(eq(messagingSettings.userId, params.userId));
  return {
    acceptsNewConversations: row?.acceptsNewConversations ?? true,
    availabilityNote: row?.availabilityNote ?? "",
    buddyCapacity: row?.buddyCapacity ?? 0,
  };
}

export async function saveMessagingSettings(
  db: DbOrTx,
  params: { userId: string; acceptsNewConversations: boolean; availabilityNote: string; buddyCapacity: number },
) {
  const { userId, ...values } = params;
  await db
    .insert(messagingSettings)
    .values({ userId, ...values })
    .onConflictDoUpdate({ target: messagingSettings.userId, set: { ...values, updatedAt: sql`now()` } });
}
