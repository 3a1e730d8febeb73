import "server-only";
import { cache } from "react";
import { getDb } from "@/lib/db";
import { getDraft } from "@/db/queries/drafts";
import { getPostLocation } from "@/db/queries/posts";
import { getThreadPageRows, type ThreadPostRow } from "@/db/queries/thread-page";
import {
  countThreadsByChannel,
  countUnreadByChannel,
  getThreadWithChannel,
  listChannelThreads,
  listThreadListStates,
} from "@/db/queries/threads";
import type { DbOrTx } from "@/db";
import type { Channel } from "@/db/schema";
import { toPostView, type PostView } from "@/lib/forum/views";
import type { Actor } from "@/lib/permissions";

/**
 * Read side of the forum for pages: what a page shows, as its reader may see it. Writes and
 * the permission-checked capabilities shared with actions and the API live in ./service.ts.
 */

export type ThreadPageData = {
  opening: PostView | null;
  /** Top-level replies, each followed by its nested answers. */
  replies: { post: PostView; children: PostView[] }[];
  hasMore: boolean;
  /** Top-level cursor for "load more". */
  lastNumber: number;
};

/**
 * A window of a thread shaped for one reader: hidden bodies, reason and edit rights follow
 * lib/permissions through toPostView. Four queries whatever the thread's length.
 */
export async function getThreadPageData(
  db: DbOrTx,
  { threadId, viewer, after = 1, limit }: { threadId: number; viewer: Actor; after?: number; limit?: number },
): Promise<ThreadPageData> {
  const rows = await getThreadPageRows(db, { threadId, viewerId: viewer?.id ?? null, after, limit });
  const view = (row: ThreadPostRow) => toPostView(row, viewer, row.reactions, row.attachments);
  return {
    opening: rows.opening ? view(rows.opening) : null,
    replies: rows.replies.map((entry) => ({ post: view(entry.post), children: entry.children.map(view) })),
    hasMore: rows.hasMore,
    lastNumber: rows.lastNumber,
  };
}

/** A thread and its channel, once per request (metadata and page share it); no permission check. */
export const loadThread = cache((threadId: number) => getThreadWithChannel(getDb(), { threadId }));

/**
 * Where a linked post sits: the top-level number its window starts after, so a link to one
 * post opens the window that holds it. 1 (the start) when the number is not a reply.
 */
export async function getWindowStartFor(threadId: number, postNumber: number): Promise<number> {
  if (!Number.isSafeInteger(postNumber) || postNumber <= 1) return 1;
  const location = await getPostLocation(getDb(), { threadId, number: postNumber });
  return location ? Math.max(location.rootNumber - 1, 1) : 1;
}

/** The member's own draft for a target (`reply:<threadId>`, `thread:<channelId>`); null for visitors. */
export async function getMyDraft(actor: Actor, target: string) {
  if (!actor) return null;
  return getDraft(getDb(), { userId: actor.id, target });
}

/** Unread marker of a list entry: a thread never opened, or the number of posts since the last visit. */
export type ThreadUnread = { isNew: true } | { isNew: false; count: number } | null;

/**
 * What is unread for this member, the rule of the home page's counts: activity since they
 * joined, posts past what they read, and never their own last post.
 */
export function unreadOf(
  item: { lastPostNumber: number; lastPosterId: string | null; lastActivityAt: Date },
  lastReadNumber: number | null,
  viewer: { id: string; createdAt: Date } | null,
): ThreadUnread {
  if (!viewer || item.lastPosterId === viewer.id || item.lastActivityAt <= viewer.createdAt) return null;
  if (lastReadNumber === null) return { isNew: true };
  const count = item.lastPostNumber - lastReadNumber;
  return count > 0 ? { isNew: false, count } : null;
}

/**
 * A page of a channel's thread list (the caller has checked the reader may see the channel),
 * with each thread's question state and, for a member, what is unread.
 */
export async function listChannelThreadPage(
  channel: Pick<Channel, "id">,
  cursor: string | undefined,
  viewer: { id: string; createdAt: Date } | null = null,
) {
  const db = getDb();
  const page = await listChannelThreads(db, { channelId: channel.id, cursor });
  const states = await listThreadListStates(db, {
    threadIds: page.items.map((item) => item.id),
    userId: viewer?.id ?? null,
  });
  return {
    ...page,
    items: page.items.map((item) => {
      const state = states.get(item.id);
      return {
        ...item,
        isQuestion: item.kind === "question",
        isSolved: state?.isSolved ?? false,
        unread: unreadOf(item, state?.lastReadNumber ?? null, viewer),
      };
    }),
  };
}

/** Thread counts per channel, and for a member the unread counts since they joined (home page). */
export async function getChannelActivity(actor: { id: string; createdAt: Date } | null) {
  const db = getDb();
  const [counts, unread] = await Promise.all([
    countThreadsByChannel(db),
    actor ? countUnreadByChannel(db, { userId: actor.id, since: actor.createdAt }) : new Map<number, number>(),
  ]);
  return { counts, unread };
}
