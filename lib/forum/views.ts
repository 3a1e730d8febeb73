import "server-only";
import type { Actor } from "@/lib/permissions";
import { canDeletePost, canEditPost, canReact, canSeePostContent } from "@/lib/permissions";
import type { AttachmentView } from "@/lib/domain/forum";

export type { AttachmentView };

export type ReactionView = { emoji: string; count: number; names: string[]; userIds?: string[]; hasReacted: boolean };

/** A post as sent to one reader's browser: only what this reader may see. */
export type PostView = {
  id: number;
  number: number;
  replyToId: number | null;
  author: { id: string; name: string; role: string; organisation: string | null };
  /** Null when deleted, or hidden from this reader. */
  bodyHtml: string | null;
  isDeleted: boolean;
  isHidden: boolean;
  /** Shown to the author and to moderators only. */
  hiddenReason: string | null;
  createdAt: string;
  editedAt: string | null;
  version: number;
  reactions: ReactionView[];
  /** Empty when the body is not shown to this reader. */
  attachments: AttachmentView[];
  canEdit: boolean;
  canDelete: boolean;
  canReact: boolean;
};

type PostRow = {
  id: number;
  number: number;
  replyToId: number | null;
  authorId: string;
  author: PostView["author"];
  bodyHtml: string;
  deletedAt: Date | null;
  hiddenAt: Date | null;
  hiddenReason: string | null;
  createdAt: Date;
  editedAt: Date | null;
  version: number;
};

/**
 * Shapes a post for a reader. Hidden posts keep their body only for moderators and their
 * author; everyone else gets no body at all, so hidden text never leaves the server.
 */
export function toPostView(
  row: PostRow,
  viewer: Actor,
  reactions: ReactionView[] = [],
  attachments: AttachmentView[] = [],
): PostView {
  const isHidden = row.hiddenAt !== null;
  const isDeleted = row.deletedAt !== null;
  const seesContent = canSeePostContent(viewer, row);
  return {
    id: row.id,
    number: row.number,
    replyToId: row.replyToId,
    author: { id: row.author.id, name: row.author.name, role: row.author.role, organisation: row.author.organisation },
    bodyHtml: seesContent ? row.bodyHtml : null,
    isDeleted,
    isHidden,
    hiddenReason: isHidden && seesContent ? row.hiddenReason : null,
    createdAt: row.createdAt.toISOString(),
    editedAt: row.editedAt?.toISOString() ?? null,
    version: row.version,
    reactions: isDeleted ? [] : reactions,
    attachments: seesContent ? attachments : [],
    canEdit: canEditPost(viewer, row),
    canDelete: canDeletePost(viewer, row),
    canReact: canReact(viewer, row),
  };
}
