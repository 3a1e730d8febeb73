import { toPostView, type PostView } from "@/lib/forum/views";
import type { Actor } from "@/lib/permissions";
import type { DbOrTx } from "../client";
import { listPostAttachments } from "./attachments";
import { listThreadWindow, THREAD_WINDOW_SIZE } from "./posts";
import { listReactionSummaries } from "./reactions";

export type ThreadPageData = {
  opening: PostView | null;
  /** Top-level replies, each followed by its nested answers. */
  replies: { post: PostView; children: PostView[] }[];
  hasMore: boolean;
  /** Top-level cursor for "load more". */
  lastNumber: number;
};

/** Everything a thread page shows about posts, in four queries whatever the thread's length. */
export async function getThreadPageData(
  db: DbOrTx,
  {
    threadId,
    viewer,
    after = 1,
    limit = THREAD_WINDOW_SIZE,
  }: { threadId: number; viewer: Actor; after?: number; limit?: number },
): Promise<ThreadPageData> {
  const window = await listThreadWindow(db, { threadId, after, limit });
  const all = [...(window.opening && after <= 1 ? [window.opening] : []), ...window.replies, ...window.children];
  const postIds = all.map((post) => post.id);
  const [reactions, attachments] = await Promise.all([
    listReactionSummaries(db, { postIds, viewerId: viewer?.id ?? null }),
    listPostAttachments(db, { postIds }),
  ]);
  const view = (post: (typeof all)[number]) =>
    toPostView(post, viewer, reactions.get(post.id), attachments.get(post.id));
  const childrenByRoot = new Map<number, PostView[]>();
  for (const child of window.children) {
    const list = childrenByRoot.get(child.replyToId!) ?? [];
    list.push(view(child));
    childrenByRoot.set(child.replyToId!, list);
  }
  return {
    opening: window.opening && after <= 1 ? view(window.opening) : null,
    replies: window.replies.map((post) => ({ post: view(post), children: childrenByRoot.get(post.id) ?? [] })),
    hasMore: window.hasMore,
    lastNumber: window.replies.at(-1)?.number ?? after,
  };
}
