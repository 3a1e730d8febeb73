import type { PostView } from "@/lib/forum/views";
import { insertPost, type ThreadState } from "./thread-state";

/** One answer of `GET /api/v1/threads/:id/posts?after=N`. */
export type CatchUpPage = { posts: PostView[]; hasMore: boolean };

/**
 * Applies one page of missed posts. A first page that is not the last means the reader missed
 * more than one page: rather than inserting thousands of posts at once, the thread switches to
 * its windowed mode, where new top-level replies are counted ("N nouveaux messages", loaded on
 * demand) and only answers to replies already on screen are inserted.
 */
export function applyCatchUpPage(state: ThreadState, page: CatchUpPage, isFirstPage: boolean): ThreadState {
  const start = isFirstPage && page.hasMore && !state.hasMore ? { ...state, hasMore: true } : state;
  return page.posts.reduce((current, post) => insertPost(current, post), start);
}

/**
 * Fetches missed items page after page from `after` until the server has no more (the live
 * stream takes over from there). Each page is handed to `onPage` as it arrives; `lastNumberOf`
 * reads the number of a page's last item (a thread's post, a conversation's message). Returns
 * false when a request failed (the next reconnection tries again from the last number applied).
 */
export async function catchUpNumbered<Page extends { hasMore: boolean }>(
  after: number,
  fetchPage: (after: number) => Promise<Page | null>,
  onPage: (page: Page, isFirstPage: boolean) => void,
  lastNumberOf: (page: Page) => number | undefined,
): Promise<boolean> {
  let cursor = after;
  for (let isFirstPage = true; ; isFirstPage = false) {
    const page = await fetchPage(cursor);
    if (!page) return false;
    onPage(page, isFirstPage);
    const last = lastNumberOf(page);
    // A page that does not move the cursor would loop forever: stop (the live stream continues).
    if (!page.hasMore || last === undefined || last <= cursor) return true;
    cursor = last;
  }
}

/** Missed posts of a thread (`GET /api/v1/threads/:id/posts?after=N`), page after page. */
export function catchUpFrom(
  after: number,
  fetchPage: (after: number) => Promise<CatchUpPage | null>,
  onPage: (page: CatchUpPage, isFirstPage: boolean) => void,
): Promise<boolean> {
  return catchUpNumbered(after, fetchPage, onPage, (page) => page.posts.at(-1)?.number);
}
