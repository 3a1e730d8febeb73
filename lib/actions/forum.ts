"use server";

import "server-only";

import { jsonAction } from "@/lib/action";
import {
  discardDraft,
  editPost,
  getPostRevisions,
  getPostSource,
  markRead,
  reactToPost,
  readThreadPage,
  removePost,
  replyToThread,
  startThread,
  storeDraft,
} from "@/lib/forum/service";
import {
  createReplySchema,
  createThreadSchema,
  draftTargetSchema,
  loadMoreSchema,
  markReadSchema,
  postIdSchema,
  saveDraftSchema,
  toggleReactionSchema,
  updatePostSchema,
} from "@/lib/validation/forum";
import { contextFor } from "@/lib/context";

// Thin wrappers: validation in lib/validation, permissions and data in lib/forum/service.

export const createThreadAction = jsonAction(createThreadSchema, async (input, { user }) => {
  const { path } = await startThread(contextFor(user), input);
  return { path };
});

export const createReplyAction = jsonAction(createReplySchema, async (input, { user }) => {
  const { post } = await replyToThread(contextFor(user), input);
  return { post };
});

export const updatePostAction = jsonAction(updatePostSchema, async (input, { user }) => {
  const result = await editPost(contextFor(user), input);
  return result.conflict
    ? { conflict: true as const, current: result.current }
    : { conflict: false as const, post: result.post };
});

export const deletePostAction = jsonAction(postIdSchema, async (input, { user }) => {
  const { post } = await removePost(contextFor(user), input);
  return { postId: post.id };
});

export const getPostSourceAction = jsonAction(postIdSchema, async (input, { user }) =>
  getPostSource(contextFor(user), input),
);

export const listRevisionsAction = jsonAction(postIdSchema, async (input, { user }) =>
  getPostRevisions(contextFor(user), input),
);

export const toggleReactionAction = jsonAction(toggleReactionSchema, async (input, { user }) => {
  const { postId, reactions } = await reactToPost(contextFor(user), input);
  return { postId, reactions };
});

export const loadMorePostsAction = jsonAction(loadMoreSchema, async (input, { user }) => {
  const { page } = await readThreadPage(contextFor(user), input);
  return { replies: page.replies, hasMore: page.hasMore, lastNumber: page.lastNumber };
});

export const saveDraftAction = jsonAction(saveDraftSchema, async (input, { user }) =>
  storeDraft(contextFor(user), input),
);

export const discardDraftAction = jsonAction(draftTargetSchema, async (target, { user }) => {
  await discardDraft(contextFor(user), target);
  return null;
});

export const markThreadReadAction = jsonAction(markReadSchema, async (input, { user }) => {
  if (user) await markRead(contextFor(user), input);
  return null;
});
