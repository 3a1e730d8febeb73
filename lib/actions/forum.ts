"use server";

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

// Thin wrappers: validation in lib/validation, permissions and data in lib/forum/service.

export const createThreadAction = jsonAction(createThreadSchema, async (input, { user }) => {
  const { path } = await startThread(user, input);
  return { path };
});

export const createReplyAction = jsonAction(createReplySchema, async (input, { user }) => {
  const { post } = await replyToThread(user, input);
  return { post };
});

export const updatePostAction = jsonAction(updatePostSchema, async (input, { user }) => {
  const result = await editPost(user, input);
  return result.conflict
    ? { conflict: true as const, current: result.current }
    : { conflict: false as const, post: result.post };
});

export const deletePostAction = jsonAction(postIdSchema, async (input, { user }) => {
  const { post } = await removePost(user, input);
  return { postId: post.id };
});

export const getPostSourceAction = jsonAction(postIdSchema, async (input, { user }) => getPostSource(user, input));

export const listRevisionsAction = jsonAction(postIdSchema, async (input, { user }) => getPostRevisions(user, input));

export const toggleReactionAction = jsonAction(toggleReactionSchema, async (input, { user }) => {
  const { postId, reactions } = await reactToPost(user, input);
  return { postId, reactions };
});

export const loadMorePostsAction = jsonAction(loadMoreSchema, async (input, { user }) => {
  const { page } = await readThreadPage(user, input);
  return { replies: page.replies, hasMore: page.hasMore, lastNumber: page.lastNumber };
});

export const saveDraftAction = jsonAction(saveDraftSchema, async (input, { user }) => storeDraft(user, input));

export const discardDraftAction = jsonAction(draftTargetSchema, async (target, { user }) => {
  await discardDraft(user, target);
  return null;
});

export const markThreadReadAction = jsonAction(markReadSchema, async (input, { user }) => {
  if (user) await markRead(user, input);
  return null;
});
