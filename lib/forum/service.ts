import "server-only";
import type { ServiceContext } from "@/lib/context";
import { deletePostFiles, listPostAttachments } from "@/db/queries/attachments";
import { getChannelBySlug } from "@/db/queries/channels";
import { deleteDraft, saveDraft } from "@/db/queries/drafts";
import {
  deletePost,
  getPostById,
  getPostWithAuthor,
  listPostRevisions,
  listPostsAfter,
  updatePost,
  type PostWithAuthor,
} from "@/db/queries/posts";
import { listReactionSummaries, toggleReaction } from "@/db/queries/reactions";
import { getThreadWithChannel, markThreadRead } from "@/db/queries/threads";
import type { RichTextDocument } from "@/lib/editor/document";
import { AppError } from "@/lib/errors";
import type { ReactionEmoji } from "@/lib/forum/reactions";
import { markMyNotificationsRead } from "@/lib/notifications/service";
import { toPostView } from "@/lib/forum/views";
import {
  canDeletePost,
  canEditPost,
  canPostInChannel,
  canReact,
  canFollow,
  canReadReplies,
  canReadThread,
  canReply,
  canAskQuestion,
  isActiveMember,
  type Actor,
} from "@/lib/permissions";
import { emitPostDeleted, emitPostUpdated, emitReactions } from "@/lib/realtime/emit";
import { deleteStoredBytes } from "@/lib/storage";
import { postContent } from "./content";
import { kindRules } from "./kinds";
import { getThreadPageData } from "./reads";
import { publishReply, publishThread } from "./publish";

/**
 * The forum's capabilities, each one checking its permission, shared by server actions,
 * API routes and sockets. Anything the actor may not see throws `not_found`.
 */

export async function getReadableThread({ db, actor }: ServiceContext, threadId: number) {
  const found = await getThreadWithChannel(db, { threadId });
  if (!found || !canReadThread(actor, found.channel, found.thread)) throw new AppError("not_found");
  return found;
}

async function getReadablePost({ db, actor }: ServiceContext, postId: number) {
  const post = await getPostById(db, { postId });
  if (!post) throw new AppError("not_found");
  const found = await getReadableThread({ db, actor }, post.threadId);
  if (post.number > 1 && !canReadReplies(actor, found.channel)) throw new AppError("not_found");
  return { post, ...found };
}

function requireMember(actor: Actor): asserts actor is NonNullable<Actor> {
  if (!actor) throw new AppError("unauthenticated");
}

export async function startThread(
  { db, actor }: ServiceContext,
  input: {
    channelSlug: string;
    title: string;
    body: RichTextDocument;
    idempotencyKey?: string;
    isQuestion?: boolean;
  },
) {
  requireMember(actor);
  const channel = await getChannelBySlug(db, { slug: input.channelSlug });
  if (!channel || !canPostInChannel(actor, channel)) throw new AppError("not_found");
  if (input.isQuestion && !canAskQuestion(actor, channel)) throw new AppError("bad_request", "qa.questionsNotAllowed");
  if (!kindRules(channel).acceptsPlainThreads) throw new AppError("bad_request", "offers.useOfferForm");
  const published = await publishThread(
    { db, actor },
    {
      channel,
      title: input.title,
      body: input.body,
      threadKind: input.isQuestion ? "question" : undefined,
      idempotencyKey: input.idempotencyKey,
    },
  );
  return { thread: published.thread, channel, isNew: published.isNew, path: published.path };
}

export async function replyToThread(
  { db, actor }: ServiceContext,
  input: { threadId: number; replyToId?: number | null; body: RichTextDocument; idempotencyKey?: string },
) {
  requireMember(actor);
  const { thread, channel } = await getReadableThread({ db, actor }, input.threadId);
  if (!canReply(actor, channel, thread)) throw new AppError("forbidden", "forum.threadLocked");
  const published = await publishReply(
    { db, actor },
    { thread, channel, body: input.body, replyToId: input.replyToId, idempotencyKey: input.idempotencyKey },
  );
  return { post: toPostView(published.post, actor), isNew: published.isNew, thread, channel };
}

export async function editPost(
  { db, actor }: ServiceContext,
  input: { postId: number; body: RichTextDocument; expectedVersion: number },
) {
  requireMember(actor);
  const { post, thread, channel } = await getReadablePost({ db, actor }, input.postId);
  if (!canEditPost(actor, post)) throw new AppError("not_found");
  const result = await updatePost(db, {
    postId: post.id,
    actorId: actor.id,
    content: postContent(input.body),
    expectedVersion: input.expectedVersion,
  });
  if (!result.ok && result.reason === "not_found") throw new AppError("not_found");
  if (!result.ok) {
    return {
      conflict: true as const,
      current: { bodyHtml: result.current.bodyHtml, body: result.current.body, version: result.current.version },
    };
  }
  // With its reactions and files: the live event replaces the post on every open page.
  const [updated] = await viewPosts({ db, actor }, [result.post]);
  emitPostUpdated({ post: updated!, threadId: thread.id });
  return { conflict: false as const, post: updated!, thread, channel };
}

export async function removePost({ db, actor }: ServiceContext, input: { postId: number }) {
  requireMember(actor);
  const { post, thread, channel } = await getReadablePost({ db, actor }, input.postId);
  if (!canDeletePost(actor, post)) throw new AppError("not_found");
  // The post and the files it carried go in one transaction; their bytes just after commit.
  const { deleted, storageKeys } = await db.transaction(async (tx) => {
    const deleted = await deletePost(tx, { postId: post.id, actorId: actor.id });
    return { deleted, storageKeys: deleted ? await deletePostFiles(tx, { postId: post.id }) : [] };
  });
  if (!deleted) throw new AppError("not_found");
  await deleteStoredBytes(storageKeys);
  emitPostDeleted({ post: deleted });
  return { post: deleted, thread, channel };
}

export async function getPostSource({ db, actor }: ServiceContext, input: { postId: number }) {
  const { post } = await getReadablePost({ db, actor }, input.postId);
  if (!canEditPost(actor, post)) throw new AppError("not_found");
  return { body: post.body, version: post.version };
}

export async function getPostRevisions({ db, actor }: ServiceContext, input: { postId: number }) {
  const { post } = await getReadablePost({ db, actor }, input.postId);
  if (post.deletedAt || (post.hiddenAt && post.authorId !== actor?.id)) throw new AppError("not_found");
  const revisions = await listPostRevisions(db, { postId: post.id });
  return { revisions: revisions.map((revision) => ({ ...revision, createdAt: revision.createdAt.toISOString() })) };
}

export async function reactToPost({ db, actor }: ServiceContext, input: { postId: number; emoji: ReactionEmoji }) {
  requireMember(actor);
  const { post, thread, channel } = await getReadablePost({ db, actor }, input.postId);
  if (!canReact(actor, post)) throw new AppError("not_found");
  const reactions = await toggleReaction(db, { postId: post.id, userId: actor.id, emoji: input.emoji });
  emitReactions({ threadId: thread.id, postId: post.id, reactions, actorId: actor.id, emoji: input.emoji });
  return { postId: post.id, reactions, thread, channel };
}

export async function readThreadPage({ db, actor }: ServiceContext, input: { threadId: number; after?: number }) {
  const { thread, channel } = await getReadableThread({ db, actor }, input.threadId);
  const page = await getThreadPageData(db, { threadId: thread.id, viewer: actor, after: input.after ?? 1 });
  // A visitor reads a public offer, not the questions members asked under it.
  if (!canReadReplies(actor, channel)) {
    return { thread, channel, page: { ...page, replies: [], hasMore: false }, areRepliesHidden: true };
  }
  return { thread, channel, page, areRepliesHidden: false };
}

/** Posts as this reader sees them, with their reactions and files (two queries for any number). */
async function viewPosts({ db, actor }: ServiceContext, posts: PostWithAuthor[]) {
  const postIds = posts.map((post) => post.id);
  const [reactions, attachments] = await Promise.all([
    listReactionSummaries(db, { postIds, viewerId: actor?.id ?? null }),
    listPostAttachments(db, { postIds }),
  ]);
  return posts.map((post) => toPostView(post, actor, reactions.get(post.id), attachments.get(post.id)));
}

/** How many posts one catch-up request returns at most: the client asks again from the last one. */
export const CATCH_UP_PAGE_SIZE = 200;

/**
 * Posts after a number, as this reader may see them: how a reconnecting page catches up. One
 * page at a time; `hasMore` tells the client to ask again after the last number returned.
 */
export async function listNewPosts({ db, actor }: ServiceContext, input: { threadId: number; after: number }) {
  const { thread, channel } = await getReadableThread({ db, actor }, input.threadId);
  if (!canReadReplies(actor, channel)) return { posts: [], hasMore: false };
  const rows = await listPostsAfter(db, {
    threadId: thread.id,
    afterNumber: input.after,
    limit: CATCH_UP_PAGE_SIZE + 1,
  });
  const hasMore = rows.length > CATCH_UP_PAGE_SIZE;
  return { posts: await viewPosts({ db, actor }, rows.slice(0, CATCH_UP_PAGE_SIZE)), hasMore };
}

/** One post as this reader may see it (live updates too large to push). */
export async function getPostView({ db, actor }: ServiceContext, input: { postId: number }) {
  const { post } = await getReadablePost({ db, actor }, input.postId);
  const withAuthor = await getPostWithAuthor(db, { postId: post.id });
  if (!withAuthor) throw new AppError("not_found");
  const [view] = await viewPosts({ db, actor }, [withAuthor]);
  return view!;
}

/** Remembers how far the member has read (unread counts on the home page). */
export async function markRead({ db, actor }: ServiceContext, input: { threadId: number; number: number }) {
  requireMember(actor);
  const { thread } = await getReadableThread({ db, actor }, input.threadId);
  const number = Math.min(input.number, thread.lastPostNumber);
  await markThreadRead(db, { userId: actor.id, threadId: thread.id, number });
  // What was read in the thread is read in the bell too, on every device.
  if (canFollow(actor)) await markMyNotificationsRead({ db, actor }, { threadId: thread.id, upToPostNumber: number });
}

/** Drafts go back to their author only; a reply draft also needs the right to reply there. */
export async function storeDraft(
  { db, actor }: ServiceContext,
  input: { target: string; title?: string; body: unknown; replyToId?: number | null },
) {
  if (!isActiveMember(actor)) throw new AppError("unauthenticated");
  const [kind, rawId] = input.target.split(":");
  if (kind === "reply") {
    const { thread, channel } = await getReadableThread({ db, actor }, Number(rawId));
    if (!canReply(actor, channel, thread)) throw new AppError("not_found");
  }
  await saveDraft(db, {
    userId: actor.id,
    target: input.target,
    payload: { title: input.title, body: input.body, replyToId: input.replyToId ?? null },
  });
  return { savedAt: new Date().toISOString() };
}

export async function discardDraft({ db, actor }: ServiceContext, target: string) {
  requireMember(actor);
  await deleteDraft(db, { userId: actor.id, target });
}
