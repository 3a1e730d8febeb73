import { and, asc, desc, eq, gt, isNull, lt, sql } from "drizzle-orm";
import type { RichTextDocument } from "@/lib/domain/rich-text";
import type { DbOrTx } from "../client";
import {
  conversationMessageRevisions,
  conversationMessages,
  conversationParticipants,
  conversations,
  users,
  type ConversationMessage,
} from "../schema";

export type MessageContent = { body: RichTextDocument; html: string; text: string };

const authorColumns = { id: users.id, name: users.name, role: users.role, organisation: users.organisation };
export type MessageWithAuthor = ConversationMessage & {
  author: { id: string; name: string; role: string; organisation: string | null };
};

const withAuthor = (db: DbOrTx) =>
  db
    .select({ message: conversationMessages, author: authorColumns })
    .from(conversationMessages)
    .innerJoin(users, eq(users.id, conversationMessages.authorId));

const flatten = (rows: { message: ConversationMessage; author: MessageWithAuthor["author"] }[]): MessageWithAuthor[] =>
  rows.map(({ message, author }) => ({ ...message, author }));

/** A message row as `insert … returning` gives it (both drivers), mapped to the schema's types below. */
type InsertedRow = {
  id: number | string;
  conversation_id: number | string;
  number: number;
  author_id: string;
  body: RichTextDocument;
  body_html: string;
  body_text: string;
  version: number;
  idempotency_key: string;
  edited_at: Date | string | null;
  deleted_at: Date | string | null;
  created_at: Date | string;
};

const asDate = (value: Date | string) => (value instanceof Date ? value : new Date(value));

/**
 * Writes a message in one statement (atomic on its own, so no transaction is needed around it):
 * the conversation's counter is bumped first (its row lock orders concurrent messages, so
 * numbers follow commit order), every participant's archive is lifted, and the author has seen
 * their own message. A retried submission (same author and key) writes nothing and returns the
 * first message with `isNew: false`.
 */
export async function insertMessage(
  db: DbOrTx,
  params: {
    conversationId: number;
    authorId: string;
    content: MessageContent;
    idempotencyKey: string;
    /** The author as the caller already knows them (spares reading them back). */
    author?: MessageWithAuthor["author"];
  },
): Promise<{ message: MessageWithAuthor; isNew: boolean }> {
  const { conversationId, authorId, content, idempotencyKey } = params;
  const result = await db.execute<InsertedRow>(sql`
    with previous as (
      select 1 from ${conversationMessages} where author_id = ${authorId} and idempotency_key = ${idempotencyKey}
    ), counter as (
      update ${conversations} set last_number = last_number + 1, last_message_at = now()
      where id = ${conversationId} and not exists (select 1 from previous)
      returning last_number
    ), seen as (
      update ${conversationParticipants}
      set archived_at = null,
          last_read_number = case when user_id = ${authorId} then (select last_number from counter) else last_read_number end
      where conversation_id = ${conversationId} and left_at is null and exists (select 1 from counter)
    )
    insert into ${conversationMessages} (conversation_id, number, author_id, body, body_html, body_text, idempotency_key)
    select ${conversationId}, last_number, ${authorId}, ${JSON.stringify(content.body)}::jsonb, ${content.html}, ${content.text}, ${idempotencyKey}
    from counter
    returning id, conversation_id, number, author_id, body, body_html, body_text, version, idempotency_key,
              edited_at, deleted_at, created_at`);
  const row = result.rows[0];
  if (!row) {
    const previous = await withAuthor(db).where(
      and(eq(conversationMessages.authorId, authorId), eq(conversationMessages.idempotencyKey, idempotencyKey)),
    );
    return { message: flatten(previous)[0]!, isNew: false };
  }
  const message: ConversationMessage = {
    id: Number(row.id),
    conversationId: Number(row.conversation_id),
    number: Number(row.number),
    authorId: row.author_id,
    body: typeof row.body === "string" ? (JSON.parse(row.body) as RichTextDocument) : row.body,
    bodyHtml: row.body_html,
    bodyText: row.body_text,
    version: Number(row.version),
    idempotencyKey: row.idempotency_key,
    editedAt: row.edited_at === null ? null : asDate(row.edited_at),
    deletedAt: row.deleted_at === null ? null : asDate(row.deleted_at),
    createdAt: asDate(row.created_at),
  };
  if (params.author) return { message: { ...message, author: params.author }, isNew: true };
  const [author] = await db.select(authorColumns).from(users).where(eq(users.id, authorId));
  return { message: { ...message, author: author! }, isNew: true };
}

/** A page of a conversation, newest first from `before` (a message number), returned in reading order. */
export async function listMessagesBefore(
  db: DbOrTx,
  params: { conversationId: number; before: number | null; limit: number },
): Promise<{ messages: MessageWithAuthor[]; hasOlder: boolean }> {
  const rows = await withAuthor(db)
    .where(
      and(
        eq(conversationMessages.conversationId, params.conversationId),
        params.before === null ? undefined : lt(conversationMessages.number, params.before),
      ),
    )
    .orderBy(desc(conversationMessages.number))
    .limit(params.limit + 1);
  return { messages: flatten(rows.slice(0, params.limit)).reverse(), hasOlder: rows.length > params.limit };
}

/** Messages after number `after`, in order (live catch-up); `hasMore` when more than `limit` remain. */
export async function listMessagesAfter(
  db: DbOrTx,
  params: { conversationId: number; after: number; limit: number },
): Promise<{ messages: MessageWithAuthor[]; hasMore: boolean }> {
  const rows = await withAuthor(db)
    .where(
      and(
        eq(conversationMessages.conversationId, params.conversationId),
        gt(conversationMessages.number, params.after),
      ),
    )
    .orderBy(asc(conversationMessages.number))
    .limit(params.limit + 1);
  return { messages: flatten(rows.slice(0, params.limit)), hasMore: rows.length > params.limit };
}

export async function getMessage(db: DbOrTx, params: { messageId: number }): Promise<MessageWithAuthor | null> {
  const rows = await withAuthor(db).where(eq(conversationMessages.id, params.messageId)).limit(1);
  return flatten(rows)[0] ?? null;
}

/**
 * Edits the author's own live message, keeping the previous text as a revision. Zero rows
 * (someone else's message, a deleted one, a stale version) returns null.
 */
export async function updateMessage(
  tx: DbOrTx,
  params: { messageId: number; authorId: string; content: MessageContent },
): Promise<MessageWithAuthor | null> {
  const current = await getMessage(tx, { messageId: params.messageId });
  if (!current || current.authorId !== params.authorId || current.deletedAt) return null;
  await tx
    .insert(conversationMessageRevisions)
    .values({ messageId: current.id, version: current.version, bodyHtml: current.bodyHtml });
  const updated = await tx
    .update(conversationMessages)
    .set({
      body: params.content.body,
      bodyHtml: params.content.html,
      bodyText: params.content.text,
      version: sql`${conversationMessages.version} + 1`,
      editedAt: sql`now()`,
    })
    .where(
      and(
        eq(conversationMessages.id, params.messageId),
        eq(conversationMessages.authorId, params.authorId),
        eq(conversationMessages.version, current.version),
      ),
    )
    .returning({ id: conversationMessages.id });
  if (updated.length === 0) return null;
  return getMessage(tx, { messageId: params.messageId });
}

/** Deletes the author's own message: its text is erased, its number stays (the thread of talk keeps its order). */
export async function deleteMessage(db: DbOrTx, params: { messageId: number; authorId: string }) {
  const rows = await db
    .update(conversationMessages)
    .set({ deletedAt: sql`now()`, bodyHtml: "", bodyText: "", body: { type: "doc", content: [] } })
    .where(
      and(
        eq(conversationMessages.id, params.messageId),
        eq(conversationMessages.authorId, params.authorId),
        isNull(conversationMessages.deletedAt),
      ),
    )
    .returning({ id: conversationMessages.id });
  if (rows.length > 0)
    await db.delete(conversationMessageRevisions).where(eq(conversationMessageRevisions.messageId, params.messageId));
  return rows.length > 0;
}

/** The earlier versions of a message, oldest first. */
export async function listMessageRevisions(db: DbOrTx, params: { messageId: number }) {
  return db
    .select({
      version: conversationMessageRevisions.version,
      bodyHtml: conversationMessageRevisions.bodyHtml,
      createdAt: conversationMessageRevisions.createdAt,
    })
    .from(conversationMessageRevisions)
    .where(eq(conversationMessageRevisions.messageId, params.messageId))
    .orderBy(asc(conversationMessageRevisions.version));
}
