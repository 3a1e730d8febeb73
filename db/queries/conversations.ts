import { and, desc, eq, inArray, isNotNull, isNull, sql } from "drizzle-orm";
import type { ConversationListItem } from "@/lib/domain/conversations";
import type { DbOrTx } from "../client";
import { conversationParticipants, conversations, users } from "../schema";
import { afterKeyset, decodeKeyset, encodeKeyset, timestampKey, toKeysetPage } from "./keyset";

/** What a page shows about a participant. */
export type ParticipantView = {
  id: string;
  name: string;
  role: string;
  organisation: string | null;
  lastReadNumber: number;
};

/** The row of a member who is (still) in a conversation: every owned-row write is scoped by it. */
function currentParticipant(params: { conversationId: number; userId: string }) {
  return and(
    eq(conversationParticipants.conversationId, params.conversationId),
    eq(conversationParticipants.userId, params.userId),
    isNull(conversationParticipants.leftAt),
  );
}

/** The conversation and the caller's participation, or null when the caller is not (or no longer) in it. */
export async function getParticipation(db: DbOrTx, params: { conversationId: number; userId: string }) {
  const [row] = await db
    .select({
      conversation: conversations,
      lastReadNumber: conversationParticipants.lastReadNumber,
      archivedAt: conversationParticipants.archivedAt,
      /** The caller as an author of messages. */
      me: { id: users.id, name: users.name, role: users.role, organisation: users.organisation },
    })
    .from(conversationParticipants)
    .innerJoin(conversations, eq(conversations.id, conversationParticipants.conversationId))
    .innerJoin(users, eq(users.id, conversationParticipants.userId))
    .where(currentParticipant(params))
    .limit(1);
  return row ?? null;
}

/** Current participants (those who left are not listed), by name. */
export async function listParticipants(db: DbOrTx, params: { conversationId: number }): Promise<ParticipantView[]> {
  return db
    .select({
      id: users.id,
      name: users.name,
      role: users.role,
      organisation: users.organisation,
      lastReadNumber: conversationParticipants.lastReadNumber,
    })
    .from(conversationParticipants)
    .innerJoin(users, eq(users.id, conversationParticipants.userId))
    .where(
      and(eq(conversationParticipants.conversationId, params.conversationId), isNull(conversationParticipants.leftAt)),
    )
    .orderBy(users.name);
}

/** Ids of the current participants (who receives a conversation's live events and notifications). */
export async function listParticipantIds(db: DbOrTx, params: { conversationId: number }): Promise<string[]> {
  const rows = await db
    .select({ id: conversationParticipants.userId })
    .from(conversationParticipants)
    .where(
      and(eq(conversationParticipants.conversationId, params.conversationId), isNull(conversationParticipants.leftAt)),
    );
  return rows.map((row) => row.id);
}

/** The one-to-one conversation between two members where both still are, if any. */
export async function findDirectConversation(db: DbOrTx, params: { userId: string; otherId: string }) {
  const mine = db
    .select({ id: conversationParticipants.conversationId })
    .from(conversationParticipants)
    .where(and(eq(conversationParticipants.userId, params.otherId), isNull(conversationParticipants.leftAt)));
  const [row] = await db
    .select({ id: conversations.id })
    .from(conversations)
    .innerJoin(conversationParticipants, eq(conversationParticipants.conversationId, conversations.id))
    .where(
      and(
        eq(conversations.isGroup, false),
        eq(conversationParticipants.userId, params.userId),
        isNull(conversationParticipants.leftAt),
        inArray(conversations.id, mine),
      ),
    )
    .limit(1);
  return row?.id ?? null;
}

/** Opens a conversation with its participants (the creator first). */
export async function createConversation(
  db: DbOrTx,
  params: { createdById: string; participantIds: string[]; title: string | null; isGroup: boolean },
): Promise<number> {
  const [conversation] = await db
    .insert(conversations)
    .values({ createdById: params.createdById, title: params.title, isGroup: params.isGroup })
    .returning({ id: conversations.id });
  const ids = [...new Set([params.createdById, ...params.participantIds])];
  await db.insert(conversationParticipants).values(ids.map((userId) => ({ conversationId: conversation!.id, userId })));
  return conversation!.id;
}

/** The current participants, read under the conversation's row lock (additions are serialised). */
export async function countParticipantsLocked(tx: DbOrTx, params: { conversationId: number }) {
  await tx.execute(
    sql`select id from ${conversations} where ${conversations.id} = ${params.conversationId} for update`,
  );
  return { ids: await listParticipantIds(tx, params) };
}

/** Adds members to a group (re-admits one who had left). */
export async function addParticipants(db: DbOrTx, params: { conversationId: number; userIds: string[] }) {
  if (params.userIds.length === 0) return;
  await db
    .insert(conversationParticipants)
    .values(params.userIds.map((userId) => ({ conversationId: params.conversationId, userId })))
    .onConflictDoUpdate({
      target: [conversationParticipants.conversationId, conversationParticipants.userId],
      set: { leftAt: null, archivedAt: null },
    });
}

/** "Vu": moves the reader's mark forward only (an older tab never moves it back); the new mark, or null when it did not move. */
export async function markConversationRead(
  db: DbOrTx,
  params: { conversationId: number; userId: string; number: number },
): Promise<number | null> {
  const [row] = await db
    .update(conversationParticipants)
    .set({
      lastReadNumber: sql`least(greatest(${conversationParticipants.lastReadNumber}, ${params.number}), (select ${conversations.lastNumber} from ${conversations} where ${conversations.id} = ${params.conversationId}))`,
    })
    .where(and(currentParticipant(params), sql`${conversationParticipants.lastReadNumber} < ${params.number}`))
    .returning({ lastReadNumber: conversationParticipants.lastReadNumber });
  return row?.lastReadNumber ?? null;
}

export async function setConversationArchived(
  db: DbOrTx,
  params: { conversationId: number; userId: string; archived: boolean },
): Promise<boolean> {
  const rows = await db
    .update(conversationParticipants)
    .set({ archivedAt: params.archived ? sql`now()` : null })
    .where(currentParticipant(params))
    .returning({ id: conversationParticipants.conversationId });
  return rows.length > 0;
}

export async function leaveConversation(db: DbOrTx, params: { conversationId: number; userId: string }) {
  const rows = await db
    .update(conversationParticipants)
    .set({ leftAt: sql`now()` })
    .where(currentParticipant(params))
    .returning({ id: conversationParticipants.conversationId });
  return rows.length > 0;
}

/**
 * A member's conversations, latest message first (keyset on `(last_message_at, id)`), with
 * the other participants and the last message's first words, in one statement.
 */
export type { ConversationListItem };

export async function listConversationsFor(
  db: DbOrTx,
  params: { userId: string; archived: boolean; cursor?: string | null; limit: number },
) {
  const me = conversationParticipants;
  const rows = await db
    .select({
      id: conversations.id,
      title: conversations.title,
      isGroup: conversations.isGroup,
      lastNumber: conversations.lastNumber,
      lastReadNumber: me.lastReadNumber,
      lastMessageAt: conversations.lastMessageAt,
      atKey: timestampKey(conversations.lastMessageAt),
      isArchived: sql<boolean>`${me.archivedAt} is not null`,
      others: sql<{ id: string; name: string }[]>`coalesce((
        select json_agg(json_build_object('id', u.id, 'name', u.name) order by u.name)
        from conversation_participants op join users u on u.id = op.user_id
        where op.conversation_id = ${conversations.id} and op.user_id <> ${params.userId} and op.left_at is null
      ), '[]'::json)`,
      lastExcerpt: sql<string | null>`(
        select case when m.deleted_at is null then left(m.body_text, 140) else null end
        from conversation_messages m where m.conversation_id = ${conversations.id}
        order by m.number desc limit 1)`,
      lastAuthorId: sql<string | null>`(
        select m.author_id from conversation_messages m
        where m.conversation_id = ${conversations.id} order by m.number desc limit 1)`,
      lastAuthorName: sql<string | null>`(
        select u.name from conversation_messages m join users u on u.id = m.author_id
        where m.conversation_id = ${conversations.id} order by m.number desc limit 1)`,
    })
    .from(me)
    .innerJoin(conversations, eq(conversations.id, me.conversationId))
    .where(
      and(
        eq(me.userId, params.userId),
        isNull(me.leftAt),
        params.archived ? isNotNull(me.archivedAt) : isNull(me.archivedAt),
        afterKeyset(conversations.lastMessageAt, conversations.id, decodeKeyset(params.cursor, "integer"), "desc"),
      ),
    )
    .orderBy(desc(conversations.lastMessageAt), desc(conversations.id))
    .limit(params.limit + 1);
  return toKeysetPage(rows, params.limit, (last) => encodeKeyset({ at: last.atKey, id: last.id }));
}

/** How many conversations hold messages the member has not seen (the header's count). */
export async function countUnreadConversations(db: DbOrTx, params: { userId: string }): Promise<number> {
  const [row] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(conversationParticipants)
    .innerJoin(conversations, eq(conversations.id, conversationParticipants.conversationId))
    .where(
      and(
        eq(conversationParticipants.userId, params.userId),
        isNull(conversationParticipants.leftAt),
        sql`${conversations.lastNumber} > ${conversationParticipants.lastReadNumber}`,
      ),
    );
  return row?.count ?? 0;
}

/** When the last message of a conversation was written (buddy overview: the date, never the content). */
export async function lastMessageDates(db: DbOrTx, params: { conversationIds: number[] }) {
  if (params.conversationIds.length === 0) return new Map<number, Date | null>();
  const rows = await db
    .select({ id: conversations.id, lastNumber: conversations.lastNumber, at: conversations.lastMessageAt })
    .from(conversations)
    .where(inArray(conversations.id, params.conversationIds));
  return new Map(rows.map((row) => [row.id, row.lastNumber > 0 ? row.at : null]));
}
