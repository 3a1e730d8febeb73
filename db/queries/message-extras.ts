import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { MessageAttachment, MessageReaction } from "@/lib/domain/conversations";
import type { ReactionEmoji } from "@/lib/domain/forum";
import type { DbOrTx } from "../client";
import {
  conversationMessageFiles,
  conversationMessageReactions,
  conversationMessages,
  storedFiles,
  users,
} from "../schema";
import type { NewStoredFile } from "./reviews";

/** The files of some messages, by message id, in one query. */
export async function listMessageFiles(
  db: DbOrTx,
  { messageIds }: { messageIds: number[] },
): Promise<Map<number, MessageAttachment[]>> {
  const result = new Map<number, MessageAttachment[]>();
  if (!messageIds.length) return result;
  const rows = await db
    .select({
      messageId: conversationMessageFiles.messageId,
      fileId: storedFiles.id,
      contentType: storedFiles.contentType,
      name: storedFiles.originalName,
      byteSize: storedFiles.byteSize,
    })
    .from(conversationMessageFiles)
    .innerJoin(storedFiles, eq(storedFiles.id, conversationMessageFiles.fileId))
    .where(inArray(conversationMessageFiles.messageId, messageIds))
    .orderBy(asc(conversationMessageFiles.createdAt));
  for (const { messageId, ...file } of rows) result.set(messageId, [...(result.get(messageId) ?? []), file]);
  return result;
}

/** The checked, stored file a new message carries, inside the transaction that wrote the message. */
export async function attachFileToMessage(
  tx: DbOrTx,
  { messageId, ownerId, file }: { messageId: number; ownerId: string; file: NewStoredFile },
): Promise<MessageAttachment> {
  const [stored] = await tx
    .insert(storedFiles)
    .values({ ...file, ownerId })
    .returning({ id: storedFiles.id });
  await tx.insert(conversationMessageFiles).values({ fileId: stored!.id, messageId });
  return { fileId: stored!.id, contentType: file.contentType, name: file.originalName, byteSize: file.byteSize };
}

/** A message's file with the conversation it belongs to (who may fetch it is decided by the caller). */
export async function getMessageFile(db: DbOrTx, { fileId }: { fileId: string }) {
  const [row] = await db
    .select({
      file: storedFiles,
      conversationId: conversationMessages.conversationId,
      deletedAt: conversationMessages.deletedAt,
    })
    .from(conversationMessageFiles)
    .innerJoin(storedFiles, eq(storedFiles.id, conversationMessageFiles.fileId))
    .innerJoin(conversationMessages, eq(conversationMessages.id, conversationMessageFiles.messageId))
    .where(eq(conversationMessageFiles.fileId, fileId))
    .limit(1);
  return row ?? null;
}

/** Deletes the files a message carries (rows); returns their storage keys so the bytes can go too. */
export async function deleteMessageFiles(db: DbOrTx, { messageId }: { messageId: number }): Promise<string[]> {
  const fileIds = db
    .select({ id: conversationMessageFiles.fileId })
    .from(conversationMessageFiles)
    .where(eq(conversationMessageFiles.messageId, messageId));
  const rows = await db
    .delete(storedFiles)
    .where(inArray(storedFiles.id, fileIds))
    .returning({ storageKey: storedFiles.storageKey });
  return rows.map((row) => row.storageKey);
}

/** Reactions of some messages (count, first names, every reactor's id), in one query. */
export async function listMessageReactions(
  db: DbOrTx,
  { messageIds }: { messageIds: number[] },
): Promise<Map<number, MessageReaction[]>> {
  const result = new Map<number, MessageReaction[]>();
  if (!messageIds.length) return result;
  const r = conversationMessageReactions;
  const rows = await db
    .select({
      messageId: r.messageId,
      emoji: r.emoji,
      count: sql<number>`count(*)::int`,
      names: sql<string[]>`array_agg(${users.name} order by ${r.createdAt})`,
      userIds: sql<string[]>`array_agg(${r.userId}::text order by ${r.createdAt})`,
    })
    .from(r)
    .innerJoin(users, eq(users.id, r.userId))
    .where(inArray(r.messageId, messageIds))
    .groupBy(r.messageId, r.emoji);
  for (const { messageId, ...reaction } of rows) {
    result.set(messageId, [...(result.get(messageId) ?? []), reaction]);
  }
  return result;
}

/** Adds the reaction, or removes it if the participant had already given it; returns the message's reactions. */
export async function toggleMessageReaction(
  db: DbOrTx,
  { messageId, userId, emoji }: { messageId: number; userId: string; emoji: ReactionEmoji },
): Promise<MessageReaction[]> {
  return db.transaction(async (tx) => {
    const r = conversationMessageReactions;
    const inserted = await tx
      .insert(r)
      .values({ messageId, userId, emoji })
      .onConflictDoNothing()
      .returning({ messageId: r.messageId });
    if (!inserted.length) {
      await tx.delete(r).where(and(eq(r.messageId, messageId), eq(r.userId, userId), eq(r.emoji, emoji)));
    }
    return (await listMessageReactions(tx, { messageIds: [messageId] })).get(messageId) ?? [];
  });
}
