import "server-only";
import type { DbOrTx } from "../client";
import { listPostAttachments } from "./attachments";
import { listThreadWindow, THREAD_WINDOW_SIZE, type PostWithAuthor } from "./posts";
import { listReactionSummaries, type ReactionSummary } from "./reactions";

/** A post of a thread window with its reactions and files, before any reader-specific shaping. */
export type ThreadPostRow = PostWithAuthor & {
  reactions: ReactionSummary[];
  attachments: Awaited<ReturnType<typeof listPostAttachments>> extends Map<number, infer T> ? T : never;
};

export type ThreadPageRows = {
  opening: ThreadPostRow | null;
  /** Top-level replies, each followed by its nested answers. */
  replies: { post: ThreadPostRow; children: ThreadPostRow[] }[];
  hasMore: boolean;
  /** Top-level cursor for "load more". */
  lastNumber: number;
};

/**
 * The rows of a thread window, in four queries whatever the thread's length. Rows carry every
 * body, hidden or not: what a reader may see is decided in lib/forum/reads.ts, never here.
 * `viewerId` only marks the reader's own reactions.
 */
export async function getThreadPageRows(
  db: DbOrTx,
  {
    threadId,
    viewerId,
    after = 1,
    limit = THREAD_WINDOW_SIZE,
  }: { threadId: number; viewerId: string | null; after?: number; limit?: number },
): Promise<ThreadPageRows> {
  const window = await listThreadWindow(db, { threadId, after, limit });
  const opening = window.opening && after <= 1 ? window.opening : null;
  const all = [...(opening ? [opening] : []), ...window.replies, ...window.children];
  const postIds = all.map((post) => post.id);
  const [reactions, attachments] = await Promise.all([
    listReactionSummaries(db, { postIds, viewerId }),
    listPostAttachments(db, { postIds }),
  ]);
  const withExtras = (post: PostWithAuthor): ThreadPostRow => ({
    ...post,
    reactions: reactions.get(post.id) ?? [],
    attachments: attachments.get(post.id) ?? [],
  });
  const childrenByRoot = new Map<number, ThreadPostRow[]>();
  for (const child of window.children) {
    const list = childrenByRoot.get(child.replyToId!) ?? [];
    list.push(withExtras(child));
    childrenByRoot.set(child.replyToId!, list);
  }
  return {
    opening: opening ? withExtras(opening) : null,
    replies: window.replies.map((post) => ({ post: withExtras(post), children: childrenByRoot.get(post.id) ?? [] })),
    hasMore: window.hasMore,
    lastNumber: window.replies.at(-1)?.number ?? after,
  };
}
