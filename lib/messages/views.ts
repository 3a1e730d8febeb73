import type { MessageAttachment, MessageReaction } from "@/lib/domain/conversations";
import type { RichTextDocument } from "@/lib/domain/rich-text";

export type { MessageAttachment, MessageReaction };

/** A message as a participant's page shows it (the same for every participant: no per-reader flags). */
export type MessageView = {
  id: number;
  conversationId: number;
  number: number;
  author: { id: string; name: string; role: string; organisation: string | null };
  /** Null once deleted. */
  bodyHtml: string | null;
  /** The document, for the author's edit box; null once deleted. */
  body: RichTextDocument | null;
  isDeleted: boolean;
  createdAt: string;
  editedAt: string | null;
  version: number;
  /** Files it carries (none once deleted). */
  attachments: MessageAttachment[];
  reactions: MessageReaction[];
};

type MessageRow = {
  id: number;
  conversationId: number;
  number: number;
  author: MessageView["author"];
  body: RichTextDocument;
  bodyHtml: string;
  deletedAt: Date | null;
  createdAt: Date;
  editedAt: Date | null;
  version: number;
};

export function toMessageView(
  row: MessageRow,
  extras: { attachments: MessageAttachment[]; reactions: MessageReaction[] } = { attachments: [], reactions: [] },
): MessageView {
  const isDeleted = row.deletedAt !== null;
  return {
    id: row.id,
    conversationId: row.conversationId,
    number: row.number,
    author: row.author,
    bodyHtml: isDeleted ? null : row.bodyHtml,
    body: isDeleted ? null : row.body,
    isDeleted,
    createdAt: row.createdAt.toISOString(),
    editedAt: row.editedAt?.toISOString() ?? null,
    version: row.version,
    attachments: isDeleted ? [] : extras.attachments,
    reactions: isDeleted ? [] : extras.reactions,
  };
}
