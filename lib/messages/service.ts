import "server-only";
import {
  countUnreadConversations,
  createConversation,
  findDirectConversation,
  getParticipation,
  leaveConversation,
  listConversationsFor,
  listParticipantIds,
  listParticipants,
  markConversationRead,
  type ParticipantView,
  setConversationArchived,
} from "@/db/queries/conversations";
import { getMessageTargets, isBlockedInConversation } from "@/db/queries/blocks";
import {
  deleteMessage,
  getMessage,
  insertMessage,
  listMessageRevisions,
  listMessagesAfter,
  listMessagesBefore,
  updateMessage,
  type MessageWithAuthor,
} from "@/db/queries/messages";
import type { DbOrTx } from "@/db";
import type { ServiceContext } from "@/lib/context";
import { CONVERSATION_PAGE_SIZE, MESSAGE_CATCH_UP_LIMIT, MESSAGE_PAGE_SIZE } from "@/lib/domain/conversations";
import type { RichTextDocument } from "@/lib/domain/rich-text";
import { AppError } from "@/lib/errors";
import { postContent } from "@/lib/forum/content";
import { notifyMembers } from "@/lib/notifications/fanout";
import type { Actor } from "@/lib/permissions";
import {
  canEditMessage,
  canReadConversation,
  canSendMessage,
  canStartConversationWith,
  canUseMessages,
  isWithinGroupSize,
} from "@/lib/permissions/conversations";
import { enforceRateLimit, refundRateLimit } from "@/lib/rate-limit";
import {
  emitConversationRead,
  emitMessage,
  emitMessageDeleted,
  emitMessagesChanged,
  emitParticipantsChanged,
} from "@/lib/realtime/emit";
import type { StartConversationInput } from "@/lib/validation/messages";
import type { NewStoredFile } from "@/db/queries/reviews";
import { attachFileToMessage, deleteMessageFiles } from "@/db/queries/message-extras";
import { deleteStoredBytes } from "@/lib/storage";
import { messageView, messageViews } from "./message-views";
import { endTyping } from "./typing";
import { toMessageView, type MessageView } from "./views";

/** Not a participant, or no such conversation: the same answer, so ids cannot be probed. */
const notFound = () => new AppError("not_found");

function requireMember(actor: Actor): NonNullable<Actor> {
  if (!actor) throw new AppError("unauthenticated");
  if (!canUseMessages(actor)) throw new AppError("forbidden");
  return actor;
}

/** The actor's participation in a conversation, or `not_found` (never a hint that it exists). */
export async function participationOf({ db, actor }: ServiceContext, conversationId: number) {
  const member = requireMember(actor);
  const participation = await getParticipation(db, { conversationId, userId: member.id });
  if (!canReadConversation(member, { isParticipant: participation !== null }) || !participation) throw notFound();
  return { member, participation };
}

function messageContent(body: RichTextDocument) {
  const { body: doc, html, text } = postContent(body);
  return { body: doc, html, text };
}

/**
 * After commit: the message to every current participant's socket, and a notification to those
 * for whom it starts an unread streak (one per streak, not one per message).
 */
export async function deliverNewMessage(
  ctx: ServiceContext,
  message: MessageView,
  audience: { participantIds: string[]; notifyIds: string[] },
) {
  // The message replaces its author's "… écrit" at once.
  endTyping({ conversationId: message.conversationId, userId: message.author.id });
  emitMessage("created", { message, participantIds: audience.participantIds });
  await notifyMembers(ctx.db, {
    type: "message",
    userIds: audience.notifyIds,
    actorId: message.author.id,
    payload: { conversationId: message.conversationId },
  });
}

/** Who is told about a new message: participants (not the author) who had read everything before it. */
function firstUnreadRecipients(participants: ParticipantView[], message: { author: { id: string }; number: number }) {
  return participants
    .filter((p) => p.id !== message.author.id && p.lastReadNumber === message.number - 1)
    .map((p) => p.id);
}

/**
 * Starts a conversation (one-to-one, or a group up to 8) with a first message. Writing again to
 * someone you already talk with one-to-one posts in that conversation. Every other participant
 * must accept it: active, no block of the actor, open to new conversations (a pro's choice).
 * Limited per day, strictly for members in their first week.
 */
export async function startConversation(ctx: ServiceContext, input: StartConversationInput) {
  const member = requireMember(ctx.actor);
  const otherIds = [...new Set(input.participantIds)].filter((id) => id !== member.id);
  if (!isWithinGroupSize(otherIds.length)) throw new AppError("bad_request", "messages.errors.tooManyParticipants");
  const targets = await getMessageTargets(ctx.db, { actorId: member.id, userIds: otherIds });
  const refused = otherIds.some((id) => {
    const target = targets.find((candidate) => candidate.id === id);
    return !target || !canStartConversationWith(member, target);
  });
  // Someone who blocked you or closed their messages looks like someone you cannot reach: no detail.
  if (refused) throw new AppError("forbidden", "messages.errors.cannotWrite");
  const isGroup = otherIds.length > 1;
  const existing = isGroup ? null : await findDirectConversation(ctx.db, { userId: member.id, otherId: otherIds[0]! });
  if (existing) {
    const { message } = await sendMessage(ctx, {
      conversationId: existing,
      body: input.body,
      idempotencyKey: input.idempotencyKey,
    });
    return { conversationId: existing, message };
  }
  await enforceRateLimit(ctx.db, { userId: member.id, action: "conversation" });
  try {
    const { conversationId, message, isNew } = await ctx.db.transaction(async (tx) => {
      const conversationId = await createConversation(tx, {
        createdById: member.id,
        participantIds: otherIds,
        title: isGroup && input.title ? input.title : null,
        isGroup,
      });
      const result = await insertMessage(tx, {
        conversationId,
        authorId: member.id,
        content: messageContent(input.body),
        idempotencyKey: input.idempotencyKey,
      });
      // A retried submission: its message lives in the first conversation; undo this one.
      if (!result.isNew) throw new RetriedSubmission(result.message);
      return { conversationId, ...result };
    });
    const view = toMessageView(message);
    if (isNew) await deliverNewMessage(ctx, view, { participantIds: [member.id, ...otherIds], notifyIds: otherIds });
    return { conversationId, message: view };
  } catch (error) {
    if (!(error instanceof RetriedSubmission)) throw error;
    await refundRateLimit(ctx.db, { userId: member.id, action: "conversation" });
    return { conversationId: error.message_.conversationId, message: await messageView(ctx.db, error.message_) };
  }
}

class RetriedSubmission extends Error {
  constructor(readonly message_: MessageWithAuthor) {
    super("retried submission");
  }
}

/**
 * A participant writes in a conversation (a retried submission returns the first message). `file`:
 * an upload already checked and stored (lib/messages/attachments), attached in the same
 * transaction; the caller removes its bytes when the message is not new.
 */
export async function sendMessage(
  ctx: ServiceContext,
  input: { conversationId: number; body: RichTextDocument; idempotencyKey: string },
  file?: NewStoredFile,
): Promise<{ message: MessageView; isNew: boolean }> {
  const { member, participation } = await participationOf(ctx, input.conversationId);
  if (!canSendMessage(member, { isParticipant: true })) throw notFound();
  if (await isDirectAndBlocked(ctx, participation.conversation, member.id)) {
    throw new AppError("forbidden", "messages.errors.cannotWrite");
  }
  const write = async (db: DbOrTx) => {
    const result = await insertMessage(db, {
      conversationId: input.conversationId,
      authorId: member.id,
      author: participation.me,
      content: messageContent(input.body),
      idempotencyKey: input.idempotencyKey,
    });
    const attachments =
      result.isNew && file
        ? [await attachFileToMessage(db, { messageId: result.message.id, ownerId: member.id, file })]
        : [];
    return { ...result, attachments };
  };
  // The message alone is one statement; with a file, both are written together or not at all.
  const sent = file ? await ctx.db.transaction(write) : await write(ctx.db);
  if (!sent.isNew) return { message: await messageView(ctx.db, sent.message), isNew: false };
  // A new message has no reactions yet, and its files are the ones just attached.
  const message = toMessageView(sent.message, { attachments: sent.attachments, reactions: [] });
  // Read after the message: who had read everything before it.
  const participants = await listParticipants(ctx.db, { conversationId: input.conversationId });
  await deliverNewMessage(ctx, message, {
    participantIds: participants.map((p) => p.id),
    notifyIds: firstUnreadRecipients(participants, message),
  });
  return { message, isNew: true };
}

/** A one-to-one conversation where either side blocked the other takes no more messages. */
async function isDirectAndBlocked(ctx: ServiceContext, conversation: { id: number; isGroup: boolean }, userId: string) {
  if (conversation.isGroup) return false;
  return isBlockedInConversation(ctx.db, { conversationId: conversation.id, userId });
}

export async function readConversation(ctx: ServiceContext, input: { conversationId: number; before?: number }) {
  const { participation } = await participationOf(ctx, input.conversationId);
  const [participants, page] = await Promise.all([
    listParticipants(ctx.db, { conversationId: input.conversationId }),
    listMessagesBefore(ctx.db, {
      conversationId: input.conversationId,
      before: input.before ?? null,
      limit: MESSAGE_PAGE_SIZE,
    }),
  ]);
  const member = ctx.actor!;
  const others = participants.filter((participant) => participant.id !== member.id);
  const isBlocked = await isDirectAndBlocked(ctx, participation.conversation, member.id);
  return {
    conversation: participation.conversation,
    /** Someone to write to, and no block between the two of a one-to-one. */
    canWrite: others.length > 0 && !isBlocked,
    lastReadNumber: participation.lastReadNumber,
    isArchived: participation.archivedAt !== null,
    participants,
    messages: await messageViews(ctx.db, page.messages),
    hasOlder: page.hasOlder,
  };
}

/** Live catch-up: messages after number `after`, in order, at most 200 (`hasMore`: ask again). */
export async function listNewMessages(ctx: ServiceContext, input: { conversationId: number; after: number }) {
  await participationOf(ctx, input.conversationId);
  const page = await listMessagesAfter(ctx.db, { ...input, limit: MESSAGE_CATCH_UP_LIMIT });
  return { messages: await messageViews(ctx.db, page.messages), hasMore: page.hasMore };
}

/** A message the actor may act on as its author, or `not_found`. */
async function ownMessage(ctx: ServiceContext, messageId: number) {
  const member = requireMember(ctx.actor);
  const message = await getMessage(ctx.db, { messageId });
  if (!message) throw notFound();
  const participation = await getParticipation(ctx.db, { conversationId: message.conversationId, userId: member.id });
  if (!participation) throw notFound();
  if (!canEditMessage(member, { isParticipant: true }, message)) throw new AppError("forbidden");
  return { member, message };
}

/** The author edits their message; the previous text is kept in its history. */
export async function editMessage(ctx: ServiceContext, input: { messageId: number; body: RichTextDocument }) {
  const { member, message } = await ownMessage(ctx, input.messageId);
  const updated = await ctx.db.transaction((tx) =>
    updateMessage(tx, { messageId: message.id, authorId: member.id, content: messageContent(input.body) }),
  );
  if (!updated) throw new AppError("conflict");
  const view = await messageView(ctx.db, updated);
  const participantIds = await listParticipantIds(ctx.db, { conversationId: message.conversationId });
  emitMessage("updated", { message: view, participantIds });
  return view;
}

/** The author deletes their message: "message supprimé" stays in its place for everyone. */
export async function removeMessage(ctx: ServiceContext, input: { messageId: number }) {
  const { member, message } = await ownMessage(ctx, input.messageId);
  const storageKeys = await ctx.db.transaction(async (tx) => {
    if (!(await deleteMessage(tx, { messageId: message.id, authorId: member.id }))) throw notFound();
    return deleteMessageFiles(tx, { messageId: message.id });
  });
  // After commit: a file whose row is gone is no longer served, so its bytes may go.
  await deleteStoredBytes(storageKeys);
  const participantIds = await listParticipantIds(ctx.db, { conversationId: message.conversationId });
  emitMessageDeleted({ conversationId: message.conversationId, messageId: message.id, participantIds });
}

/** Earlier versions of a message, for its participants. */
export async function readMessageHistory(ctx: ServiceContext, input: { messageId: number }) {
  requireMember(ctx.actor);
  const message = await getMessage(ctx.db, { messageId: input.messageId });
  if (!message) throw notFound();
  await participationOf(ctx, message.conversationId);
  const revisions = await listMessageRevisions(ctx.db, { messageId: message.id });
  return revisions.map((revision) => ({ ...revision, createdAt: revision.createdAt.toISOString() }));
}

/** "Vu" up to `number`: the other participants see it live, the reader's other tabs refresh their count. */
export async function markConversationSeen(ctx: ServiceContext, input: { conversationId: number; number: number }) {
  const { member } = await participationOf(ctx, input.conversationId);
  const lastReadNumber = await markConversationRead(ctx.db, { ...input, userId: member.id });
  if (lastReadNumber === null) return;
  emitConversationRead({
    conversationId: input.conversationId,
    userId: member.id,
    number: lastReadNumber,
    participantIds: await listParticipantIds(ctx.db, { conversationId: input.conversationId }),
  });
}

export async function listMyConversations(ctx: ServiceContext, input: { archived?: boolean; cursor?: string | null }) {
  const member = requireMember(ctx.actor);
  return listConversationsFor(ctx.db, {
    userId: member.id,
    archived: input.archived ?? false,
    cursor: input.cursor ?? null,
    limit: CONVERSATION_PAGE_SIZE,
  });
}

/** The header's count: conversations with unseen messages (0 for visitors). */
export async function countMyUnreadConversations({ db, actor }: ServiceContext): Promise<number> {
  if (!canUseMessages(actor)) return 0;
  return countUnreadConversations(db, { userId: actor.id });
}

export async function archiveConversation(ctx: ServiceContext, input: { conversationId: number; archived: boolean }) {
  const { member } = await participationOf(ctx, input.conversationId);
  await setConversationArchived(ctx.db, { ...input, userId: member.id });
  emitMessagesChanged([member.id]);
}

/** Leaving stops everything at once: no more messages, live events or notifications. */
export async function leaveConversationAsMember(ctx: ServiceContext, input: { conversationId: number }) {
  const { member } = await participationOf(ctx, input.conversationId);
  await leaveConversation(ctx.db, { conversationId: input.conversationId, userId: member.id });
  emitMessagesChanged([member.id]);
  emitParticipantsChanged({
    conversationId: input.conversationId,
    userIds: await listParticipantIds(ctx.db, { conversationId: input.conversationId }),
  });
}

/**
 * Whether the actor may write to each of these accounts, as profiles, the pro directory and the
 * "Nouveau message" page show it: name, whether they may (without saying why not: a block by the
 * other stays private), whether the actor blocked them, and their availability note. Active
 * accounts only; one query whatever the number.
 */
export async function contactOptions(ctx: ServiceContext, input: { userIds: string[] }) {
  const member = requireMember(ctx.actor);
  const ids = [...new Set(input.userIds)].filter((id) => id !== member.id);
  const targets = await getMessageTargets(ctx.db, { actorId: member.id, userIds: ids });
  return targets
    .filter((target) => target.status === "active")
    .map((target) => ({
      id: target.id,
      name: target.name,
      role: target.role,
      canWrite: canStartConversationWith(member, target),
      isBlockedByMe: target.isBlockedByActor,
      availabilityNote: target.acceptsNewConversations ? target.availabilityNote : "",
    }));
}

/** The "Nouveau message" page: its recipients and the one-to-one conversation already open with one. */
export async function describeRecipients(ctx: ServiceContext, input: { userIds: string[] }) {
  const member = requireMember(ctx.actor);
  const recipients = await contactOptions(ctx, { userIds: input.userIds.slice(0, 7) });
  const existingId =
    recipients.length === 1
      ? await findDirectConversation(ctx.db, { userId: member.id, otherId: recipients[0]!.id })
      : null;
  return { recipients, existingId };
}
