import { and, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { DbOrTx } from "../client";
import { decodeKeyset, encodeKeyset } from "./keyset";
import type { PostContent } from "./posts";
import {
  channels,
  drafts,
  mentions,
  posts,
  threadReads,
  threads,
  users,
  type Channel,
  type Thread,
  type ThreadKind,
} from "../schema";

export const THREADS_PAGE_SIZE = 30;

export type ThreadListItem = {
  id: number;
  slug: string;
  title: string;
  excerpt: string;
  kind: ThreadKind;
  isPinned: boolean;
  isLocked: boolean;
  replyCount: number;
  lastActivityAt: Date;
  createdAt: Date;
  lastPostNumber: number;
  /** Who wrote last (their own post is never "unread" for them). */
  lastPosterId: string | null;
  author: { id: string; name: string; role: string; organisation: string | null };
  participants: { id: string; name: string }[];
};

/**
 * One page of a channel: pinned threads first, then by last activity. Keyset pagination on
 * (is_pinned, last_activity_at, id), served by `threads_channel_order_idx`. Two queries
 * whatever the page size: the threads with their authors, then the participants' names.
 */
export async function listChannelThreads(
  db: DbOrTx,
  { channelId, cursor, limit = THREADS_PAGE_SIZE }: { channelId: number; cursor?: string; limit?: number },
): Promise<{ items: ThreadListItem[]; nextCursor: string | null }> {
  const decoded = decodeKeyset(cursor, "integer");
  // A cursor of this list always carries `pinned`: one without it is malformed and restarts the list.
  const after = decoded?.pinned === undefined ? null : decoded;
  const rows = await db
    .select({
      thread: threads,
      activityKey: sql<string>`to_char(${threads.lastActivityAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`,
      author: { id: users.id, name: users.name, role: users.role, organisation: users.organisation },
    })
    .from(threads)
    .innerJoin(users, eq(users.id, threads.authorId))
    .where(
      and(
        eq(threads.channelId, channelId),
        isNull(threads.deletedAt),
        after
          ? sql`(${threads.isPinned}, ${threads.lastActivityAt}, ${threads.id}) < (${after.pinned}, ${after.at}::timestamptz, ${after.id})`
          : undefined,
      ),
    )
    .orderBy(desc(threads.isPinned), desc(threads.lastActivityAt), desc(threads.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  const posterIds = [...new Set(page.flatMap((row) => row.thread.recentPosterIds))];
  const names = posterIds.length
    ? new Map(
        (await db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, posterIds))).map(
          (user) => [user.id, user.name],
        ),
      )
    : new Map<string, string>();
  const items = page.map(({ thread, author }) => ({
    id: thread.id,
    slug: thread.slug,
    title: thread.title,
    excerpt: thread.excerpt,
    kind: thread.kind,
    isPinned: thread.isPinned,
    isLocked: thread.isLocked,
    replyCount: thread.replyCount,
    lastActivityAt: thread.lastActivityAt,
    createdAt: thread.createdAt,
    lastPostNumber: thread.lastPostNumber,
    lastPosterId: thread.recentPosterIds[0] ?? null,
    author,
    participants: thread.recentPosterIds.flatMap((id) => (names.has(id) ? [{ id, name: names.get(id)! }] : [])),
  }));
  const last = page.at(-1);
  return {
    items,
    nextCursor:
      rows.length > limit && last
        ? encodeKeyset({ pinned: last.thread.isPinned, at: last.activityKey, id: last.thread.id })
        : null,
  };
}

/**
 * For a page of a list: which threads have an accepted answer, and how far this member has read
 * each one. One query whatever the page size (primary keys of both tables).
 */
export async function listThreadListStates(
  db: DbOrTx,
  { threadIds, userId }: { threadIds: number[]; userId: string | null },
): Promise<Map<number, { isSolved: boolean; lastReadNumber: number | null }>> {
  if (threadIds.length === 0) return new Map();
  const rows = await db
    .select({
      threadId: threads.id,
      isSolved: sql<boolean>`exists (select 1 from accepted_answers aa where aa.thread_id = ${threads.id})`,
      lastReadNumber: userId ? threadReads.lastReadNumber : sql<number | null>`null::int`,
    })
    .from(threads)
    .leftJoin(
      threadReads,
      userId ? and(eq(threadReads.threadId, threads.id), eq(threadReads.userId, userId)) : sql`false`,
    )
    .where(inArray(threads.id, threadIds));
  return new Map(
    rows.map((row) => [row.threadId, { isSolved: Boolean(row.isSolved), lastReadNumber: row.lastReadNumber ?? null }]),
  );
}

export type ThreadWithChannel = { thread: Thread; channel: Channel };

export async function getThreadWithChannel(
  db: DbOrTx,
  { threadId }: { threadId: number },
): Promise<ThreadWithChannel | null> {
  const [row] = await db
    .select({ thread: threads, channel: channels })
    .from(threads)
    .innerJoin(channels, eq(channels.id, threads.channelId))
    .where(eq(threads.id, threadId))
    .limit(1);
  return row ?? null;
}

export type CreateThreadParams = {
  channelId: number;
  authorId: string;
  title: string;
  /** The URL slug of the title (lib/slug). */
  slug: string;
  content: PostContent;
  kind?: ThreadKind;
  idempotencyKey?: string;
};

/** Keeps only mentions of existing, active accounts. */
export async function existingMentionIds(db: DbOrTx, ids: string[]): Promise<string[]> {
  if (!ids.length) return [];
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(and(inArray(users.id, ids), eq(users.status, "active")));
  return rows.map((row) => row.id);
}

/**
 * Creates a thread and its opening post in one transaction, and clears the author's draft.
 * A retried submission (same idempotency key) returns the thread created the first time.
 */
async function findThreadBySubmission(db: DbOrTx, authorId: string, idempotencyKey: string) {
  const [existing] = await db
    .select({ thread: threads, postId: posts.id })
    .from(posts)
    .innerJoin(threads, eq(threads.id, posts.threadId))
    .where(and(eq(posts.authorId, authorId), eq(posts.idempotencyKey, idempotencyKey)))
    .limit(1);
  return existing ?? null;
}

/** Thrown inside the transaction when a concurrent twin won: rolls the thread back. */
class DuplicateThreadSubmission extends Error {}

export async function createThread(
  db: DbOrTx,
  params: CreateThreadParams,
): Promise<{ thread: Thread; postId: number; isNew: boolean }> {
  if (params.idempotencyKey) {
    const existing = await findThreadBySubmission(db, params.authorId, params.idempotencyKey);
    if (existing) return { ...existing, isNew: false };
  }
  try {
    return await insertThread(db, params);
  } catch (error) {
    // Two concurrent requests with one key: the loser rolls back and returns the winner's thread.
    if (error instanceof DuplicateThreadSubmission && params.idempotencyKey) {
      const existing = await findThreadBySubmission(db, params.authorId, params.idempotencyKey);
      if (existing) return { ...existing, isNew: false };
    }
    throw error;
  }
}

async function insertThread(
  db: DbOrTx,
  params: CreateThreadParams,
): Promise<{ thread: Thread; postId: number; isNew: boolean }> {
  return db.transaction(async (tx) => {
    const [thread] = await tx
      .insert(threads)
      .values({
        channelId: params.channelId,
        authorId: params.authorId,
        kind: params.kind ?? "discussion",
        title: params.title,
        slug: params.slug,
        excerpt: params.content.excerpt,
        lastPostNumber: 1,
        recentPosterIds: [params.authorId],
      })
      .returning();
    const [post] = await tx
      .insert(posts)
      .values({
        threadId: thread!.id,
        authorId: params.authorId,
        number: 1,
        body: params.content.body,
        bodyText: params.content.text,
        bodyHtml: params.content.html,
        idempotencyKey: params.idempotencyKey ?? null,
      })
      .onConflictDoNothing()
      .returning({ id: posts.id });
    if (!post) throw new DuplicateThreadSubmission();
    const mentioned = await existingMentionIds(tx, params.content.mentionIds);
    if (mentioned.length) await tx.insert(mentions).values(mentioned.map((userId) => ({ postId: post!.id, userId })));
    await tx
      .delete(drafts)
      .where(and(eq(drafts.userId, params.authorId), eq(drafts.target, `thread:${params.channelId}`)));
    return { thread: thread!, postId: post!.id, isNew: true };
  });
}

/** Thread counts per channel for the home page, in one query. */
export async function countThreadsByChannel(
  db: DbOrTx,
): Promise<Map<number, { threads: number; lastActivityAt: Date | null }>> {
  const rows = await db
    .select({
      channelId: threads.channelId,
      count: sql<number>`count(*)::int`,
      last: sql<string | null>`max(${threads.lastActivityAt})`,
    })
    .from(threads)
    .where(isNull(threads.deletedAt))
    .groupBy(threads.channelId);
  return new Map(
    rows.map((row) => [row.channelId, { threads: row.count, lastActivityAt: row.last ? new Date(row.last) : null }]),
  );
}

/** Remembers how far a member has read a thread (never goes backwards). */
export async function markThreadRead(
  db: DbOrTx,
  { userId, threadId, number }: { userId: string; threadId: number; number: number },
) {
  await db
    .insert(threadReads)
    .values({ userId, threadId, lastReadNumber: number })
    .onConflictDoUpdate({
      target: [threadReads.userId, threadReads.threadId],
      set: {
        lastReadNumber: sql`greatest(${threadReads.lastReadNumber}, excluded.last_read_number)`,
        updatedAt: sql`now()`,
      },
    });
}

/**
 * Threads with posts a member has not read, per channel, counting activity since they joined
 * and not their own latest posts. One grouped query.
 */
export async function countUnreadByChannel(
  db: DbOrTx,
  { userId, since }: { userId: string; since: Date },
): Promise<Map<number, number>> {
  const rows = await db
    .select({ channelId: threads.channelId, count: sql<number>`count(*)::int` })
    .from(threads)
    .leftJoin(threadReads, and(eq(threadReads.threadId, threads.id), eq(threadReads.userId, userId)))
    .where(
      and(
        isNull(threads.deletedAt),
        sql`${threads.lastActivityAt} > ${since.toISOString()}::timestamptz`,
        sql`${threads.lastPostNumber} > coalesce(${threadReads.lastReadNumber}, 0)`,
        sql`${threads.recentPosterIds}[1] is distinct from ${userId}::uuid`,
      ),
    )
    .groupBy(threads.channelId);
  return new Map(rows.map((row) => [row.channelId, row.count]));
}
