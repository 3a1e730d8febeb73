import "server-only";
import type { Post } from "@/db/schema";
import type { PostView, ReactionView } from "@/lib/forum/views";
import type { MessageReaction, MessageView } from "@/lib/messages/views";
import { MAX_PUSHED_BODY_CHARS } from "./events";
import { getIo } from "./io";

/**
 * Events are emitted by lib/forum/service after the database transaction has committed.
 * With an adapter (PostgreSQL or Redis), they reach the sockets of every instance.
 */

/** The post as any reader may see it, without per-reader flags; too-large bodies are left out. */
function publicView(post: PostView): PostView | null {
  if (post.isHidden || (post.bodyHtml?.length ?? 0) > MAX_PUSHED_BODY_CHARS) return null;
  return {
    ...post,
    canEdit: false,
    canDelete: false,
    canReact: false,
    reactions: post.reactions.map((reaction) => ({ ...reaction, hasReacted: false })),
  };
}

export function emitPostCreated(input: {
  post: PostView;
  threadId: number;
  channelSlug: string;
  isNewThread?: boolean;
}) {
  const io = getIo();
  if (!io) return;
  io.to(`thread:${input.threadId}`).emit("post:created", {
    threadId: input.threadId,
    number: input.post.number,
    post: publicView(input.post),
  });
  io.to(`channel:${input.channelSlug}`).emit("thread:activity", {
    channelSlug: input.channelSlug,
    threadId: input.threadId,
    authorId: input.post.author.id,
    isNewThread: input.isNewThread ?? false,
  });
}

export function emitPostUpdated(input: { post: PostView; threadId: number }) {
  getIo()
    ?.to(`thread:${input.threadId}`)
    .emit("post:updated", { threadId: input.threadId, number: input.post.number, post: publicView(input.post) });
}

export function emitPostDeleted(input: { post: Pick<Post, "id" | "threadId"> }) {
  getIo()
    ?.to(`thread:${input.post.threadId}`)
    .emit("post:deleted", { threadId: input.post.threadId, postId: input.post.id });
}

export function emitPostHidden(input: { postId: number; threadId: number }) {
  getIo()?.to(`thread:${input.threadId}`).emit("post:hidden", input);
}

export function emitReactions(input: {
  threadId: number;
  postId: number;
  reactions: ReactionView[];
  actorId: string;
  emoji: string;
}) {
  getIo()
    ?.to(`thread:${input.threadId}`)
    .emit("post:reactions", {
      ...input,
      reactions: input.reactions.map((reaction) => ({ ...reaction, hasReacted: false })),
    });
  // (Each page works out its own `hasReacted` from `userIds`.)
}

export function emitThreadUpdated(input: { threadId: number; isPinned: boolean; isLocked: boolean }) {
  getIo()?.to(`thread:${input.threadId}`).emit("thread:updated", input);
}

/** Only ids travel: each page fetches the accepted post with its reader's own permissions. */
export function emitAnswerChanged(input: { threadId: number; postId: number | null }) {
  getIo()?.to(`thread:${input.threadId}`).emit("answer:changed", input);
}

export function emitReviewUpdated(input: { threadId: number; actorId: string }) {
  getIo()?.to(`thread:${input.threadId}`).emit("review:updated", input);
}

/** Every tab of these members refreshes its bell (new notifications, or some read elsewhere). */
export function emitNotificationsChanged(userIds: string[]) {
  if (userIds.length === 0) return;
  getIo()
    ?.to(userIds.map((id) => `user:${id}`))
    .emit("notifications:changed");
}

/** Ends the live connections opened with one session cookie (that device signed out). */
export function disconnectSession(sessionId: string) {
  getIo()?.in(`session:${sessionId}`).disconnectSockets(true);
}

/** Ends every live connection of an account at once (suspension, password change…). */
export function disconnectUser(userId: string) {
  getIo()?.in(`user:${userId}`).disconnectSockets(true);
}

/** Too-large bodies are left out of the push; the page fetches them through the API. */
function pushableMessage(message: MessageView): MessageView | null {
  return (message.bodyHtml?.length ?? 0) > MAX_PUSHED_BODY_CHARS ? null : message;
}

const rooms = (userIds: string[]) => userIds.map((id) => `user:${id}`);

/** A new or edited message, to the current participants' own rooms (after commit). */
export function emitMessage(kind: "created" | "updated", input: { message: MessageView; participantIds: string[] }) {
  if (input.participantIds.length === 0) return;
  const event = {
    conversationId: input.message.conversationId,
    number: input.message.number,
    message: pushableMessage(input.message),
  };
  getIo()
    ?.to(rooms(input.participantIds))
    .emit(kind === "created" ? "message:created" : "message:updated", event);
}

export function emitMessageDeleted(input: { conversationId: number; messageId: number; participantIds: string[] }) {
  if (input.participantIds.length === 0) return;
  getIo()
    ?.to(rooms(input.participantIds))
    .emit("message:deleted", { conversationId: input.conversationId, messageId: input.messageId });
}

/** New reactions on a message, to the current participants (after commit). */
export function emitMessageReactions(input: {
  conversationId: number;
  messageId: number;
  reactions: MessageReaction[];
  participantIds: string[];
}) {
  if (input.participantIds.length === 0) return;
  const { participantIds, ...event } = input;
  getIo()?.to(rooms(participantIds)).emit("message:reactions", event);
}

/** "… écrit", to the other participants only (never back to the typist's own tabs). */
export function emitConversationTyping(input: {
  conversationId: number;
  user: { id: string; name: string };
  participantIds: string[];
}) {
  const others = input.participantIds.filter((id) => id !== input.user.id);
  if (others.length === 0) return;
  getIo()?.to(rooms(others)).emit("conversation:typing", { conversationId: input.conversationId, user: input.user });
}

/** "Vu" for the other participants, and a count refresh for the reader's other tabs. */
export function emitConversationRead(input: {
  conversationId: number;
  userId: string;
  number: number;
  participantIds: string[];
}) {
  const io = getIo();
  if (!io) return;
  const { participantIds, ...event } = input;
  io.to(rooms(participantIds)).emit("conversation:read", event);
  io.to(`user:${input.userId}`).emit("messages:changed");
}

/** People were added to the conversation or left it: every participant's open page refreshes its list. */
export function emitParticipantsChanged(input: { conversationId: number; userIds: string[] }) {
  if (input.userIds.length === 0) return;
  getIo()?.to(rooms(input.userIds)).emit("conversation:participants", { conversationId: input.conversationId });
}

/** The member's unread count changed (left or archived elsewhere). */
export function emitMessagesChanged(userIds: string[]) {
  if (userIds.length === 0) return;
  getIo()?.to(rooms(userIds)).emit("messages:changed");
}
