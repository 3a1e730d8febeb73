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

/** A page of a channel's thread list (the caller has checked the reader may see the channel). */
export async function listChannelThreadPage(channel: Pick<Channel, "id">, cursor?: string) {
  return listChannelThreads(getDb(), { channelId: channel.id, cursor });
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
