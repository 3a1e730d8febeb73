import type { PostView } from "@/lib/forum/views";

/** What a thread page holds in the browser: the window of posts it shows. */
export type ThreadState = {
  opening: PostView | null;
  replies: { post: PostView; children: PostView[] }[];
  hasMore: boolean;
  /** Top-level cursor for "load more". */
  lastNumber: number;
  /** The window starts after the first replies (opened on a linked post). */
  hasEarlier: boolean;
  replyCount: number;
  /** Highest post number seen: where a reconnecting client catches up from. */
  maxNumber: number;
  /** Top-level replies that arrived live beyond the loaded window. */
  unseenCount?: number;
  /** The first of those: where the "N nouveaux messages" jump opens the thread. */
  firstUnseenNumber?: number;
};

const byNumber = (a: { number: number }, b: { number: number }) => a.number - b.number;

/**
 * Inserts or replaces a post, keeping order by number and never duplicating. A new top-level
 * reply beyond the loaded window is not appended (the reader will load it with "more"),
 * unless `force` (the window itself is being extended).
 */
export function insertPost(state: ThreadState, post: PostView, options: { force?: boolean } = {}): ThreadState {
  const maxNumber = Math.max(state.maxNumber, post.number);
  if (post.number === 1) return { ...state, opening: post, maxNumber };
  if (post.replyToId === null) {
    const index = state.replies.findIndex((entry) => entry.post.id === post.id);
    if (index >= 0) {
      const replies = state.replies.slice();
      replies[index] = { ...replies[index]!, post };
      return { ...state, replies, maxNumber };
    }
    if (state.hasMore && !options.force) {
      if (post.number <= state.maxNumber) return state;
      return {
        ...state,
        maxNumber,
        replyCount: state.replyCount + 1,
        unseenCount: (state.unseenCount ?? 0) + 1,
        firstUnseenNumber: state.firstUnseenNumber ?? post.number,
      };
    }
    const replies = [...state.replies, { post, children: [] }].sort((a, b) => byNumber(a.post, b.post));
    return { ...state, replies, maxNumber, replyCount: options.force ? state.replyCount : state.replyCount + 1 };
  }
  const rootIndex = state.replies.findIndex((entry) => entry.post.id === post.replyToId);
  if (rootIndex < 0) return { ...state, maxNumber };
  const root = state.replies[rootIndex]!;
  const childIndex = root.children.findIndex((child) => child.id === post.id);
  const children =
    childIndex >= 0
      ? root.children.map((child) => (child.id === post.id ? post : child))
      : [...root.children, post].sort(byNumber);
  const replies = state.replies.slice();
  replies[rootIndex] = { ...root, children };
  return { ...state, replies, maxNumber, replyCount: childIndex >= 0 ? state.replyCount : state.replyCount + 1 };
}
