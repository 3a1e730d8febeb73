import "server-only";
import { getPostWithAuthor, createReply, type PostWithAuthor } from "@/db/queries/posts";
import { followThreadOnPost } from "@/db/queries/follows";
import { createThread } from "@/db/queries/threads";
import type { Channel, Thread, ThreadKind } from "@/db/schema";
import type { DbOrTx, Tx } from "@/db";
import type { RichTextDocument } from "@/lib/editor/document";
import { afterResponse } from "@/lib/after-response";
import { AppError } from "@/lib/errors";
import { toPostView, type AttachmentView } from "@/lib/forum/views";
import type { Actor } from "@/lib/permissions";
import { enforceRateLimit, refundRateLimit, type LimitedAction } from "@/lib/rate-limit";
import { notifyPostPublished } from "@/lib/notifications/fanout";
import { emitPostCreated } from "@/lib/realtime/emit";
import { threadPath } from "@/lib/slug";
import { deleteStoredBytes } from "@/lib/storage";
import { replyRow, threadRow } from "./content";
import { runAfterPublish } from "./kind-hooks";

/**
 * The publishing pipeline: every post of every kind (thread, reply, offer, review request,
 * rubric review, page comment, pitch, recorded answer) goes through `publishThread` or
 * `publishReply`, which run, in this order:
 *   1. the post's own rate limit (thread or reply);
 *   2. `prepare` — checks and stores a file (it counts its own upload limit);
 *   3. one transaction: the thread or reply row, the author's follow of the thread, then the
 *      kind's `write` hook (file row, rubric, page, offer fields);
 *   4. on failure or on a retried submission: the stored bytes are removed and every limit
 *      counted for this attempt is refunded, so a retry costs nothing and leaves no orphan file;
 *   5. after commit, for new posts only: live events, then (once the response is sent) the
 *      notifications of every follower, mentioned member and author replied to
 *      (lib/notifications/fanout.ts), then the kind's hooks (kind-hooks.ts) and the caller's
 *      `afterCommit`. Failures there are logged, never turned
 *      into a failed publish: the post exists.
 * A new post-producing feature adds hooks, not a copy of these steps. Publish outside any
 * transaction of your own: given one as `ctx.db`, the writes become a savepoint and the events
 * would leave before the outer commit.
 */

export type PublishContext = { db: DbOrTx; actor: NonNullable<Actor> };

/** A file checked and stored before the transaction, owned by the post if it is written. */
export type Prepared<P> = {
  value: P;
  /** Storage keys to remove if nothing is written (or the submission was a retry). */
  storageKeys: string[];
  /** Limits `prepare` counted (e.g. `upload`), refunded in the same cases. */
  counted: LimitedAction[];
};

export type PublishHooks<P, T> = {
  prepare?: () => Promise<Prepared<P>>;
  write?: (tx: Tx, created: { thread: Thread; postId: number; prepared: P | undefined }) => Promise<T>;
  /** The files the new post carries, for the live event (recorded answers). */
  attachmentsOf?: (written: T) => AttachmentView[];
  afterCommit?: (published: { thread: Thread; post: PostWithAuthor }) => Promise<void> | void;
};

type Attempt = { ctx: PublishContext; action: LimitedAction; counted: LimitedAction[]; storageKeys: string[] };

/** Removes what an attempt stored and refunds what it counted: nothing of it remains. */
async function undo(attempt: Attempt): Promise<void> {
  await deleteStoredBytes(attempt.storageKeys);
  for (const action of [attempt.action, ...attempt.counted]) {
    await refundRateLimit(attempt.ctx.db, { userId: attempt.ctx.actor.id, action });
  }
}

async function begin<P>(
  ctx: PublishContext,
  action: LimitedAction,
  prepare?: () => Promise<Prepared<P>>,
): Promise<{ attempt: Attempt; prepared?: Prepared<P> }> {
  await enforceRateLimit(ctx.db, { userId: ctx.actor.id, action });
  const attempt: Attempt = { ctx, action, counted: [], storageKeys: [] };
  if (!prepare) return { attempt };
  try {
    const prepared = await prepare();
    attempt.counted = prepared.counted;
    attempt.storageKeys = prepared.storageKeys;
    return { attempt, prepared };
  } catch (error) {
    // A refused file costs no thread or reply.
    await undo(attempt);
    throw error;
  }
}

/** After commit: the failure of a side effect is logged, never reported as a failed publish. */
async function settle(label: string, effect: () => Promise<void> | void): Promise<void> {
  try {
    await effect();
  } catch (error) {
    console.error(`[publish] ${label} failed after commit:`, error);
  }
}

export type PublishThreadInput<P, T> = {
  channel: Channel;
  title: string;
  body: RichTextDocument;
  threadKind?: ThreadKind;
  idempotencyKey?: string;
  hooks?: PublishHooks<P, T>;
};

export async function publishThread<P = undefined, T = undefined>(
  ctx: PublishContext,
  input: PublishThreadInput<P, T>,
): Promise<{ thread: Thread; postId: number; isNew: boolean; path: string; written?: T }> {
  const hooks = input.hooks ?? {};
  const { attempt, prepared } = await begin(ctx, "thread", hooks.prepare);
  let outcome: { thread: Thread; postId: number; isNew: boolean; written?: T };
  try {
    outcome = await ctx.db.transaction(async (tx) => {
      const created = await createThread(
        tx,
        threadRow({
          channelId: input.channel.id,
          authorId: ctx.actor.id,
          title: input.title,
          body: input.body,
          kind: input.threadKind,
          idempotencyKey: input.idempotencyKey,
        }),
      );
      if (!created.isNew) return created;
      await followThreadOnPost(tx, { userId: ctx.actor.id, threadId: created.thread.id });
      const written = await hooks.write?.(tx, {
        thread: created.thread,
        postId: created.postId,
        prepared: prepared?.value,
      });
      return { ...created, written };
    });
  } catch (error) {
    await undo(attempt);
    throw error;
  }
  const path = threadPath(input.channel.slug, outcome.thread);
  if (!outcome.isNew) {
    await undo(attempt);
    return { ...outcome, path };
  }
  const opening = await getPostWithAuthor(ctx.db, { postId: outcome.postId });
  if (opening) {
    const view = toPostView(opening, ctx.actor);
    emitPostCreated({ post: view, threadId: outcome.thread.id, channelSlug: input.channel.slug, isNewThread: true });
    await afterPublish(
      ctx,
      { thread: outcome.thread, channel: input.channel, post: opening, isNewThread: true },
      hooks,
    );
  }
  return { ...outcome, path };
}

export type PublishReplyInput<P, T> = {
  thread: Thread;
  channel: Channel;
  body: RichTextDocument;
  replyToId?: number | null;
  idempotencyKey?: string;
  hooks?: PublishHooks<P, T>;
};

export async function publishReply<P = undefined, T = undefined>(
  ctx: PublishContext,
  input: PublishReplyInput<P, T>,
): Promise<{ post: PostWithAuthor; attachments: AttachmentView[]; isNew: boolean; written?: T }> {
  const hooks = input.hooks ?? {};
  const { attempt, prepared } = await begin(ctx, "post", hooks.prepare);
  let outcome: Awaited<ReturnType<typeof createReply>> & { written?: T };
  try {
    outcome = await ctx.db.transaction(async (tx) => {
      const result = await createReply(
        tx,
        replyRow({
          threadId: input.thread.id,
          authorId: ctx.actor.id,
          body: input.body,
          replyToId: input.replyToId ?? null,
          idempotencyKey: input.idempotencyKey,
        }),
      );
      if (!result.ok || !result.isNew) return result;
      await followThreadOnPost(tx, { userId: ctx.actor.id, threadId: input.thread.id });
      const written = await hooks.write?.(tx, {
        thread: input.thread,
        postId: result.post.id,
        prepared: prepared?.value,
      });
      return { ...result, written };
    });
  } catch (error) {
    await undo(attempt);
    throw error;
  }
  if (!outcome.ok) {
    await undo(attempt);
    throw new AppError("not_found");
  }
  if (!outcome.isNew) {
    await undo(attempt);
    return { post: outcome.post, attachments: [], isNew: false };
  }
  const attachments = outcome.written !== undefined ? (hooks.attachmentsOf?.(outcome.written) ?? []) : [];
  const view = toPostView(outcome.post, ctx.actor, [], attachments);
  emitPostCreated({ post: view, threadId: input.thread.id, channelSlug: input.channel.slug });
  await afterPublish(
    ctx,
    { thread: input.thread, channel: input.channel, post: outcome.post, isNewThread: false },
    hooks,
  );
  return { post: outcome.post, attachments, isNew: true, written: outcome.written };
}

async function afterPublish<P, T>(
  ctx: PublishContext,
  published: { thread: Thread; channel: Channel; post: PostWithAuthor; isNewThread: boolean },
  hooks: PublishHooks<P, T>,
): Promise<void> {
  // After the response: a reply in a thread followed by a thousand members returns as fast as any.
  await afterResponse(() => settle("notifications", async () => void (await notifyPostPublished(ctx.db, published))));
  await settle("kind hooks", () => runAfterPublish(ctx, published));
  if (hooks.afterCommit) await settle("afterCommit", () => hooks.afterCommit!(published));
}
