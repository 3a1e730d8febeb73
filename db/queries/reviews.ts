import { and, asc, desc, eq, inArray, isNotNull, isNull, sql } from "drizzle-orm";
import type { DbOrTx } from "../client";
import {
  channels,
  postAttachments,
  posts,
  reviewFeedback,
  reviewPageComments,
  reviewRequests,
  reviewVersions,
  storedFiles,
  threads,
  users,
  type PageRect,
  type ReviewDocKind,
  type RubricScores,
  type StoredFile,
} from "../schema";
import type { FeedbackView, PageCommentView, ReviewRequestView } from "@/lib/domain/reviews";
import { createReply, type CreateReplyParams } from "./posts";
import { createThread, type CreateThreadParams } from "./threads";

export type NewStoredFile = Pick<StoredFile, "storageKey" | "contentType" | "byteSize" | "pageCount" | "originalName">;

/** The review-specific part of a new review or pitch thread. */
export type ReviewRequestFields = {
  docKind: ReviewDocKind;
  target: string;
  feedbackWanted: string;
  /** Exactly one of the two: an uploaded (already stored and checked) file, or a pasted letter. */
  file?: NewStoredFile | null;
  letterText?: string | null;
};

/**
 * The request's fields, the file's row (owned by the author) and version 1, inside the
 * transaction that wrote the thread. If anything fails nothing is written, and the publishing
 * pipeline removes the stored bytes, so no orphan file remains.
 */
export async function insertReviewRequest(
  tx: DbOrTx,
  params: ReviewRequestFields & { threadId: number; authorId: string },
): Promise<{ fileId: string | null }> {
  await tx.insert(reviewRequests).values({
    threadId: params.threadId,
    docKind: params.docKind,
    target: params.target,
    feedbackWanted: params.feedbackWanted,
  });
  let fileId: string | null = null;
  if (params.file) {
    const [file] = await tx
      .insert(storedFiles)
      .values({ ...params.file, ownerId: params.authorId })
      .returning({ id: storedFiles.id });
    fileId = file!.id;
  }
  await tx
    .insert(reviewVersions)
    .values({ threadId: params.threadId, number: 1, fileId, letterText: params.letterText ?? null });
  return { fileId };
}

/**
 * A review request, its thread and opening post in one transaction, without the publishing
 * pipeline's limits and events (lib/reviews/service publishes through it): for seeds and tests.
 */
export async function createReviewRequest(
  db: DbOrTx,
  { docKind, target, feedbackWanted, file, letterText, ...thread }: CreateThreadParams & ReviewRequestFields,
) {
  return db.transaction(async (tx) => {
    const created = await createThread(tx, { ...thread, kind: thread.kind ?? "review" });
    if (!created.isNew) return { thread: created.thread, isNew: false as const, fileId: null };
    const fields = { docKind, target, feedbackWanted, file, letterText };
    const { fileId } = await insertReviewRequest(tx, {
      ...fields,
      threadId: created.thread.id,
      authorId: thread.authorId,
    });
    return { thread: created.thread, isNew: true as const, fileId };
  });
}

export type ReviewListStatus = { isResolved: boolean; versionCount: number; feedbackCount: number; hasFile: boolean };

/** What a channel list shows about each review or pitch thread (resolved, versions, reviews), in one query. */
export async function listReviewStatuses(
  db: DbOrTx,
  { threadIds }: { threadIds: number[] },
): Promise<Map<number, ReviewListStatus>> {
  if (!threadIds.length) return new Map();
  const rows = await db
    .select({
      threadId: reviewRequests.threadId,
      isResolved: sql<boolean>`${reviewRequests.resolvedAt} is not null`,
      // Joined twice: distinct counts undo the multiplication of rows.
      versionCount: sql<number>`count(distinct ${reviewVersions.id})::int`,
      feedbackCount: sql<number>`count(distinct ${reviewFeedback.postId})::int`,
      hasFile: sql<boolean>`coalesce(bool_or(${reviewVersions.fileId} is not null), false)`,
    })
    .from(reviewRequests)
    .leftJoin(reviewVersions, eq(reviewVersions.threadId, reviewRequests.threadId))
    .leftJoin(reviewFeedback, eq(reviewFeedback.threadId, reviewRequests.threadId))
    .where(inArray(reviewRequests.threadId, threadIds))
    .groupBy(reviewRequests.threadId, reviewRequests.resolvedAt);
  return new Map(rows.map(({ threadId, ...status }) => [threadId, status]));
}

/** The request and its versions (with file metadata) of review threads, in one query each. */
export async function listReviewRequests(
  db: DbOrTx,
  { threadIds }: { threadIds: number[] },
): Promise<Map<number, ReviewRequestView>> {
  if (!threadIds.length) return new Map();
  const [requests, versions] = await Promise.all([
    db.select().from(reviewRequests).where(inArray(reviewRequests.threadId, threadIds)),
    db
      .select({
        version: reviewVersions,
        file: {
          id: storedFiles.id,
          contentType: storedFiles.contentType,
          byteSize: storedFiles.byteSize,
          pageCount: storedFiles.pageCount,
          originalName: storedFiles.originalName,
        },
      })
      .from(reviewVersions)
      .leftJoin(storedFiles, eq(storedFiles.id, reviewVersions.fileId))
      .where(inArray(reviewVersions.threadId, threadIds))
      .orderBy(asc(reviewVersions.threadId), asc(reviewVersions.number)),
  ]);
  const result = new Map<number, ReviewRequestView>();
  for (const request of requests) {
    result.set(request.threadId, {
      threadId: request.threadId,
      docKind: request.docKind,
      target: request.target,
      feedbackWanted: request.feedbackWanted,
      resolvedAt: request.resolvedAt,
      filesExpiredAt: request.filesExpiredAt,
      versions: [],
    });
  }
  for (const { version, file } of versions) {
    result.get(version.threadId)?.versions.push({
      id: version.id,
      number: version.number,
      letterText: version.letterText,
      createdAt: version.createdAt,
      file: file ?? null,
    });
  }
  return result;
}

/**
 * A stored file with the thread and channel it belongs to, for the download route's permission
 * check: through a review version, or through the post that carries it (then with that post's
 * state, since a hidden or deleted post takes its file with it). A file attached to nothing
 * has no readers (null).
 */
export async function getFileWithThread(db: DbOrTx, { fileId }: { fileId: string }) {
  const [row] = await db
    .select({
      file: storedFiles,
      thread: threads,
      channel: channels,
      post: { authorId: posts.authorId, deletedAt: posts.deletedAt, hiddenAt: posts.hiddenAt },
    })
    .from(storedFiles)
    .leftJoin(reviewVersions, eq(reviewVersions.fileId, storedFiles.id))
    .leftJoin(postAttachments, eq(postAttachments.fileId, storedFiles.id))
    .leftJoin(posts, eq(posts.id, postAttachments.postId))
    .innerJoin(threads, eq(threads.id, sql`coalesce(${reviewVersions.threadId}, ${posts.threadId})`))
    .innerJoin(channels, eq(channels.id, threads.channelId))
    .where(eq(storedFiles.id, fileId))
    .limit(1);
  return row ?? null;
}

/** Deletes a file row owned by `ownerId`; returns its storage key so the bytes can go too. */
export async function deleteStoredFile(
  db: DbOrTx,
  { fileId, ownerId }: { fileId: string; ownerId: string },
): Promise<string | null> {
  const [row] = await db
    .delete(storedFiles)
    .where(and(eq(storedFiles.id, fileId), eq(storedFiles.ownerId, ownerId)))
    .returning({ storageKey: storedFiles.storageKey });
  return row?.storageKey ?? null;
}

export type FeedbackFields = { threadId: number; versionId: number; authorId: string; scores: RubricScores };

/** The rubric row of a structured review, inside the transaction that wrote its reply post. */
export async function insertReviewFeedback(tx: DbOrTx, params: FeedbackFields & { postId: number }): Promise<void> {
  await tx.insert(reviewFeedback).values(params);
}

/**
 * A structured review (reply post and rubric row in one transaction) without the publishing
 * pipeline (lib/reviews/feedback publishes through it): for seeds and tests. A retried
 * submission (same idempotency key) returns the first post and writes nothing.
 */
export async function createReviewFeedback(
  db: DbOrTx,
  { versionId, scores, ...reply }: CreateReplyParams & { versionId: number; scores: RubricScores },
) {
  return db.transaction(async (tx) => {
    const result = await createReply(tx, reply);
    if (!result.ok || !result.isNew) return result;
    const fields = { threadId: reply.threadId, versionId, authorId: reply.authorId, scores };
    await insertReviewFeedback(tx, { ...fields, postId: result.post.id });
    return result;
  });
}

/** Every visible structured review of a thread, oldest first, with its post number and author. */
export async function listReviewFeedback(db: DbOrTx, { threadId }: { threadId: number }): Promise<FeedbackView[]> {
  return db
    .select({
      postId: reviewFeedback.postId,
      postNumber: posts.number,
      versionId: reviewFeedback.versionId,
      authorName: users.name,
      scores: reviewFeedback.scores,
      createdAt: reviewFeedback.createdAt,
    })
    .from(reviewFeedback)
    .innerJoin(posts, eq(posts.id, reviewFeedback.postId))
    .innerJoin(users, eq(users.id, reviewFeedback.authorId))
    .where(and(eq(reviewFeedback.threadId, threadId), isNull(posts.deletedAt), isNull(posts.hiddenAt)))
    .orderBy(asc(reviewFeedback.createdAt), asc(reviewFeedback.postId));
}

/**
 * Adds the next version of a request, only for the thread's author (the actor is in the SQL).
 * The number is taken under a lock of the request row, so two uploads cannot both be "3".
 * Returns null when the thread is not the actor's review request.
 */
export async function addReviewVersion(
  db: DbOrTx,
  params: { threadId: number; actorId: string; file?: NewStoredFile | null; letterText?: string | null },
): Promise<{ number: number; fileId: string | null } | null> {
  return db.transaction(async (tx) => {
    const [owned] = await tx
      .select({ threadId: reviewRequests.threadId })
      .from(reviewRequests)
      .innerJoin(threads, eq(threads.id, reviewRequests.threadId))
      .where(
        and(
          eq(reviewRequests.threadId, params.threadId),
          eq(threads.authorId, params.actorId),
          isNull(threads.deletedAt),
        ),
      )
      .for("update", { of: reviewRequests });
    if (!owned) return null;
    const [last] = await tx
      .select({ number: reviewVersions.number })
      .from(reviewVersions)
      .where(eq(reviewVersions.threadId, params.threadId))
      .orderBy(desc(reviewVersions.number))
      .limit(1);
    let fileId: string | null = null;
    if (params.file) {
      const [file] = await tx
        .insert(storedFiles)
        .values({ ...params.file, ownerId: params.actorId })
        .returning({ id: storedFiles.id });
      fileId = file!.id;
    }
    const number = (last?.number ?? 0) + 1;
    await tx
      .insert(reviewVersions)
      .values({ threadId: params.threadId, number, fileId, letterText: params.letterText ?? null });
    await tx
      .update(threads)
      .set({ lastActivityAt: sql`now()` })
      .where(eq(threads.id, params.threadId));
    return { number, fileId };
  });
}

/** Marks a request resolved (or not) by its author; false when it is not theirs. */
export async function setReviewResolved(
  db: DbOrTx,
  { threadId, actorId, isResolved }: { threadId: number; actorId: string; isResolved: boolean },
): Promise<boolean> {
  const rows = await db
    .update(reviewRequests)
    .set({ resolvedAt: isResolved ? sql`now()` : null })
    .where(
      and(
        eq(reviewRequests.threadId, threadId),
        sql`exists (select 1 from ${threads} where ${threads.id} = ${reviewRequests.threadId} and ${threads.authorId} = ${actorId} and ${threads.deletedAt} is null)`,
      ),
    )
    .returning({ threadId: reviewRequests.threadId });
  return rows.length > 0;
}

/**
 * Deletes one version and its file row, by the thread's author, never the only version left.
 * Returns the storage key of the removed file (the caller deletes the bytes after commit).
 */
export async function deleteReviewVersion(
  db: DbOrTx,
  { threadId, number, actorId }: { threadId: number; number: number; actorId: string },
): Promise<{ storageKey: string | null } | null> {
  return db.transaction(async (tx) => {
    const versions = await tx
      .select({ id: reviewVersions.id, number: reviewVersions.number, fileId: reviewVersions.fileId })
      .from(reviewVersions)
      .innerJoin(threads, eq(threads.id, reviewVersions.threadId))
      .where(and(eq(reviewVersions.threadId, threadId), eq(threads.authorId, actorId)))
      .for("update", { of: reviewVersions });
    const target = versions.find((version) => version.number === number);
    if (!target || versions.length < 2) return null;
    await tx.delete(reviewVersions).where(eq(reviewVersions.id, target.id));
    const storageKey = target.fileId ? await deleteStoredFile(tx, { fileId: target.fileId, ownerId: actorId }) : null;
    return { storageKey };
  });
}

/**
 * Removes the file of one version of the author's own request (the version row keeps its
 * reviews and page comments; its `file_id` becomes null). Returns the storage key to delete.
 */
export async function withdrawVersionFile(
  db: DbOrTx,
  { threadId, number, actorId }: { threadId: number; number: number; actorId: string },
): Promise<string | null> {
  const [target] = await db
    .select({ fileId: reviewVersions.fileId })
    .from(reviewVersions)
    .innerJoin(threads, eq(threads.id, reviewVersions.threadId))
    .where(and(eq(reviewVersions.threadId, threadId), eq(reviewVersions.number, number), eq(threads.authorId, actorId)))
    .limit(1);
  return target?.fileId ? deleteStoredFile(db, { fileId: target.fileId, ownerId: actorId }) : null;
}

export type PageCommentFields = { threadId: number; versionId: number; page: number; rect: PageRect | null };

/** The page (and rectangle) of a page comment, inside the transaction that wrote its reply post. */
export async function insertPageComment(tx: DbOrTx, params: PageCommentFields & { postId: number }): Promise<void> {
  await tx.insert(reviewPageComments).values(params);
}

/** A page comment (reply post and page in one transaction) without the pipeline: for seeds and tests. */
export async function createPageComment(
  db: DbOrTx,
  { versionId, page, rect, ...reply }: CreateReplyParams & Omit<PageCommentFields, "threadId">,
) {
  return db.transaction(async (tx) => {
    const result = await createReply(tx, reply);
    if (!result.ok || !result.isNew) return result;
    await insertPageComment(tx, { threadId: reply.threadId, versionId, page, rect, postId: result.post.id });
    return result;
  });
}

/** The visible page comments of a thread (all versions that still have their file), in one query. */
export async function listPageComments(db: DbOrTx, { threadId }: { threadId: number }): Promise<PageCommentView[]> {
  return (
    db
      .select({
        id: reviewPageComments.id,
        postNumber: posts.number,
        versionId: reviewPageComments.versionId,
        versionNumber: reviewVersions.number,
        page: reviewPageComments.page,
        rect: reviewPageComments.rect,
        authorName: users.name,
        text: posts.bodyText,
      })
      .from(reviewPageComments)
      .innerJoin(posts, eq(posts.id, reviewPageComments.postId))
      .innerJoin(users, eq(users.id, posts.authorId))
      // A withdrawn file takes its markers along (their posts stay in the discussion).
      .innerJoin(
        reviewVersions,
        and(eq(reviewVersions.id, reviewPageComments.versionId), isNotNull(reviewVersions.fileId)),
      )
      .where(and(eq(reviewPageComments.threadId, threadId), isNull(posts.deletedAt), isNull(posts.hiddenAt)))
      .orderBy(asc(reviewPageComments.page), asc(reviewPageComments.id))
  );
}
