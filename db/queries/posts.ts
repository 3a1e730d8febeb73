import { and, asc, eq, gt, inArray, isNull, or, sql } from "drizzle-orm";
import type { RichTextDocument } from "@/lib/domain/rich-text";
import type { DbOrTx } from "../client";
import { drafts, mentions, postRevisions, posts, threads, users, type Post } from "../schema";
import { existingMentionIds } from "./threads";

/** What a reader's page needs about a post's author. */
export const authorColumns = { id: users.id, name: users.name, role: users.role, organisation: users.organisation };
export type PostAuthor = { id: string; name: string; role: string; organisation: string | null };
export type PostWithAuthor = Post & { author: PostAuthor };

/**
 * A post's body with what is derived from it. The service layer renders it (lib/forum/content)
 * so that the data layer never runs the renderer: queries store what they are given.
 */
export type PostContent = {
  body: RichTextDocument;
  html: string;
  text: string;
  excerpt: string;
  /** Ids the document mentions; only existing, active accounts are recorded. */
  mentionIds: string[];
};

/** Signals a retried submission inside the transaction, to roll back the counter bump. */
class DuplicateSubmission extends Error {}

export type CreateReplyParams = {
  threadId: number;
  authorId: string;
  content: PostContent;
  replyToId?: number | null;
  idempotencyKey?: string;
};

export type CreateReplyResult =
  | { ok: true; post: PostWithAuthor; isNew: boolean }
  | { ok: false; reason: "thread_not_found" | "reply_target_not_found" };

async function findBySubmission(db: DbOrTx, authorId: string, idempotencyKey: string): Promise<PostWithAuthor | null> {
  const [row] = await db
    .select({ post: posts, author: authorColumns })
    .from(posts)
    .innerJoin(users, eq(users.id, posts.authorId))
    .where(and(eq(posts.authorId, authorId), eq(posts.idempotencyKey, idempotencyKey)))
    .limit(1);
  return row ? { ...row.post, author: row.author } : null;
}

/**
 * Adds a reply. The thread row is locked by the counter update, so numbers are handed out in
 * commit order without gaps. Answers are nested one level: answering a nested reply attaches
 * to its parent. A retried submission returns the post created the first time.
 */
export async function createReply(db: DbOrTx, params: CreateReplyParams): Promise<CreateReplyResult> {
  if (params.idempotencyKey) {
    const existing = await findBySubmission(db, params.authorId, params.idempotencyKey);
    if (existing) return { ok: true, post: existing, isNew: false };
  }
  try {
    return await db.transaction(async (tx) => {
      let replyToId: number | null = null;
      if (params.replyToId) {
        const [target] = await tx
          .select({ id: posts.id, number: posts.number, replyToId: posts.replyToId })
          .from(posts)
          .where(and(eq(posts.id, params.replyToId), eq(posts.threadId, params.threadId)))
          .limit(1);
        if (!target) return { ok: false as const, reason: "reply_target_not_found" as const };
        // The opening post is answered by top-level replies.
        replyToId = target.number === 1 ? null : (target.replyToId ?? target.id);
      }
      const [thread] = await tx
        .update(threads)
        .set({
          lastPostNumber: sql`${threads.lastPostNumber} + 1`,
          replyCount: sql`${threads.replyCount} + 1`,
          lastActivityAt: sql`now()`,
          recentPosterIds: sql`(array_prepend(${params.authorId}::uuid, array_remove(${threads.recentPosterIds}, ${params.authorId}::uuid)))[1:5]`,
        })
        .where(and(eq(threads.id, params.threadId), isNull(threads.deletedAt)))
        .returning({ number: threads.lastPostNumber });
      if (!thread) return { ok: false as const, reason: "thread_not_found" as const };
      const [post] = await tx
        .insert(posts)
        .values({
          threadId: params.threadId,
          authorId: params.authorId,
          number: thread.number,
          replyToId,
          body: params.content.body,
          bodyText: params.content.text,
          bodyHtml: params.content.html,
          idempotencyKey: params.idempotencyKey ?? null,
        })
        .onConflictDoNothing()
        .returning();
      if (!post) throw new DuplicateSubmission();
      const mentioned = await existingMentionIds(tx, params.content.mentionIds);
      if (mentioned.length) await tx.insert(mentions).values(mentioned.map((userId) => ({ postId: post.id, userId })));
      await tx
        .delete(drafts)
        .where(and(eq(drafts.userId, params.authorId), eq(drafts.target, `reply:${params.threadId}`)));
      const [author] = await tx.select(authorColumns).from(users).where(eq(users.id, params.authorId));
      return { ok: true as const, post: { ...post, author: author! }, isNew: true };
    });
  } catch (error) {
    // Two concurrent requests with one key: the loser rolls back and returns the winner's post.
    if (error instanceof DuplicateSubmission && params.idempotencyKey) {
      const existing = await findBySubmission(db, params.authorId, params.idempotencyKey);
      if (existing) return { ok: true, post: existing, isNew: false };
    }
    throw error;
  }
}

export async function getPostById(db: DbOrTx, { postId }: { postId: number }): Promise<Post | null> {
  const [row] = await db.select().from(posts).where(eq(posts.id, postId)).limit(1);
  return row ?? null;
}

export type UpdatePostResult =
  | { ok: true; post: PostWithAuthor }
  | { ok: false; reason: "not_found" }
  | { ok: false; reason: "conflict"; current: PostWithAuthor };

/**
 * Edits a post with optimistic concurrency: `expectedVersion` is the version the author
 * started from. If someone else saved in between, nothing is written and the current version
 * is returned so both texts can be shown. The replaced version is kept in post_revisions.
 */
export async function updatePost(
  db: DbOrTx,
  params: { postId: number; actorId: string; content: PostContent; expectedVersion: number; title?: string },
): Promise<UpdatePostResult> {
  return db.transaction(async (tx) => {
    const [current] = await tx
      .select({ post: posts, author: authorColumns })
      .from(posts)
      .innerJoin(users, eq(users.id, posts.authorId))
      .where(and(eq(posts.id, params.postId), eq(posts.authorId, params.actorId), isNull(posts.deletedAt)))
      .for("update", { of: posts })
      .limit(1);
    if (!current) return { ok: false as const, reason: "not_found" as const };
    if (current.post.version !== params.expectedVersion) {
      return { ok: false as const, reason: "conflict" as const, current: { ...current.post, author: current.author } };
    }
    await tx.insert(postRevisions).values({
      postId: current.post.id,
      version: current.post.version,
      body: current.post.body,
      bodyHtml: current.post.bodyHtml,
      editorId: params.actorId,
      createdAt: current.post.editedAt ?? current.post.createdAt,
    });
    const [updated] = await tx
      .update(posts)
      .set({
        body: params.content.body,
        bodyText: params.content.text,
        bodyHtml: params.content.html,
        version: sql`${posts.version} + 1`,
        editedAt: sql`now()`,
      })
      .where(and(eq(posts.id, params.postId), eq(posts.authorId, params.actorId)))
      .returning();
    await tx.delete(mentions).where(eq(mentions.postId, params.postId));
    const mentioned = await existingMentionIds(tx, params.content.mentionIds);
    if (mentioned.length)
      await tx.insert(mentions).values(mentioned.map((userId) => ({ postId: params.postId, userId })));
    if (updated!.number === 1) {
      await tx
        .update(threads)
        .set({ excerpt: params.content.excerpt, ...(params.title ? { title: params.title } : {}) })
        .where(eq(threads.id, updated!.threadId));
    }
    return { ok: true as const, post: { ...updated!, author: current.author } };
  });
}

/**
 * The author deletes their post: its content is erased (and its earlier versions), the post
 * stays as "message supprimé" so the replies around it still read well.
 */
export async function deletePost(
  db: DbOrTx,
  { postId, actorId }: { postId: number; actorId: string },
): Promise<Post | null> {
  return db.transaction(async (tx) => {
    const [deleted] = await tx
      .update(posts)
      .set({
        deletedAt: sql`now()`,
        body: { type: "doc", content: [{ type: "paragraph" }] },
        bodyText: "",
        bodyHtml: "",
      })
      .where(and(eq(posts.id, postId), eq(posts.authorId, actorId), isNull(posts.deletedAt)))
      .returning();
    if (!deleted) return null;
    await tx.delete(postRevisions).where(eq(postRevisions.postId, postId));
    await tx.delete(mentions).where(eq(mentions.postId, postId));
    if (deleted.number > 1) {
      await tx
        .update(threads)
        .set({ replyCount: sql`greatest(${threads.replyCount} - 1, 0)` })
        .where(eq(threads.id, deleted.threadId));
    } else {
      await tx.update(threads).set({ excerpt: "" }).where(eq(threads.id, deleted.threadId));
    }
    return deleted;
  });
}

export async function listPostRevisions(db: DbOrTx, { postId }: { postId: number }) {
  return db
    .select({ version: postRevisions.version, bodyHtml: postRevisions.bodyHtml, createdAt: postRevisions.createdAt })
    .from(postRevisions)
    .where(eq(postRevisions.postId, postId))
    .orderBy(asc(postRevisions.version));
}

export const THREAD_WINDOW_SIZE = 40;

/**
 * One window of a thread in a fixed number of queries, whatever its length: the opening post
 * and up to `limit` top-level replies after `after` (one query), then all their nested
 * replies (one query).
 */
export async function listThreadWindow(
  db: DbOrTx,
  { threadId, after = 1, limit = THREAD_WINDOW_SIZE }: { threadId: number; after?: number; limit?: number },
): Promise<{
  opening: PostWithAuthor | null;
  replies: PostWithAuthor[];
  children: PostWithAuthor[];
  hasMore: boolean;
}> {
  const rows = await db
    .select({ post: posts, author: authorColumns })
    .from(posts)
    .innerJoin(users, eq(users.id, posts.authorId))
    .where(
      and(
        eq(posts.threadId, threadId),
        or(eq(posts.number, 1), and(isNull(posts.replyToId), gt(posts.number, Math.max(after, 1)))),
      ),
    )
    .orderBy(asc(posts.number))
    .limit(limit + 2);
  const all = rows.map((row) => ({ ...row.post, author: row.author }));
  const opening = all.find((post) => post.number === 1) ?? null;
  const topLevel = all.filter((post) => post.number !== 1);
  const replies = topLevel.slice(0, limit);
  const rootIds = replies.map((post) => post.id);
  const children = rootIds.length
    ? (
        await db
          .select({ post: posts, author: authorColumns })
          .from(posts)
          .innerJoin(users, eq(users.id, posts.authorId))
          .where(and(eq(posts.threadId, threadId), inArray(posts.replyToId, rootIds)))
          .orderBy(asc(posts.number))
      ).map((row) => ({ ...row.post, author: row.author }))
    : [];
  return { opening, replies, children, hasMore: topLevel.length > limit };
}

/** Every post after a number, in order: how a reconnecting reader catches up. */
export async function listPostsAfter(
  db: DbOrTx,
  { threadId, afterNumber, limit = 200 }: { threadId: number; afterNumber: number; limit?: number },
) {
  const rows = await db
    .select({ post: posts, author: authorColumns })
    .from(posts)
    .innerJoin(users, eq(users.id, posts.authorId))
    .where(and(eq(posts.threadId, threadId), gt(posts.number, afterNumber)))
    .orderBy(asc(posts.number))
    .limit(limit);
  return rows.map((row) => ({ ...row.post, author: row.author }));
}

/** Where a post sits: its top-level root's number, to open the window that shows it. */
export async function getPostLocation(db: DbOrTx, { threadId, number }: { threadId: number; number: number }) {
  const [row] = await db
    .select({
      id: posts.id,
      number: posts.number,
      rootNumber: sql<number>`coalesce((select p2.number from posts p2 where p2.id = ${posts.replyToId}), ${posts.number})`,
    })
    .from(posts)
    .where(and(eq(posts.threadId, threadId), eq(posts.number, number)))
    .limit(1);
  return row ?? null;
}

export async function getPostWithAuthor(db: DbOrTx, { postId }: { postId: number }): Promise<PostWithAuthor | null> {
  const [row] = await db
    .select({ post: posts, author: authorColumns })
    .from(posts)
    .innerJoin(users, eq(users.id, posts.authorId))
    .where(eq(posts.id, postId))
    .limit(1);
  return row ? { ...row.post, author: row.author } : null;
}
