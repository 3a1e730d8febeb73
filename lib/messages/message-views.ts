import "server-only";
import type { DbOrTx } from "@/db";
import { listMessageFiles, listMessageReactions } from "@/db/queries/message-extras";
import type { MessageWithAuthor } from "@/db/queries/messages";
import { toMessageView, type MessageView } from "./views";

/** Messages as participants see them, with their files and reactions (two queries whatever the count). */
export async function messageViews(db: DbOrTx, rows: MessageWithAuthor[]): Promise<MessageView[]> {
  const live = rows.filter((row) => row.deletedAt === null).map((row) => row.id);
  const [files, reactions] = await Promise.all([
    listMessageFiles(db, { messageIds: live }),
    listMessageReactions(db, { messageIds: live }),
  ]);
  return rows.map((row) =>
    toMessageView(row, { attachments: files.get(row.id) ?? [], reactions: reactions.get(row.id) ?? [] }),
  );
}

export async function messageView(db: DbOrTx, row: MessageWithAuthor): Promise<MessageView> {
  return (await messageViews(db, [row]))[0]!;
}
