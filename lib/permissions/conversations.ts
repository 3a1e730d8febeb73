import { MAX_CONVERSATION_PARTICIPANTS } from "@/lib/domain/conversations";
import { canModerate, isActiveMember, type Actor } from "./index";

/** Whether the actor is (still) in a conversation: what every read and write of it depends on. */
type Participation = { isParticipant: boolean };

/** Private messages are for active members; a suspended account reads and writes nothing. */
export function canUseMessages(actor: Actor): actor is NonNullable<Actor> {
  return isActiveMember(actor);
}

/**
 * A conversation, its messages and its live events are for its current participants only.
 * Facilitators are not participants: they never read a conversation (they see a reported
 * message with its context, in the reports queue, and nothing else).
 */
export function canReadConversation(actor: Actor, participation: Participation): boolean {
  return canUseMessages(actor) && participation.isParticipant;
}

export function canSendMessage(actor: Actor, participation: Participation): boolean {
  return canReadConversation(actor, participation);
}

/** Someone the actor wants to write to (or add to a group), with what they decided. */
export type MessageTarget = {
  id: string;
  status: string;
  /** The target blocked the actor. */
  hasBlockedActor: boolean;
  /** The actor blocked the target (unblock first: they could not answer). */
  isBlockedByActor?: boolean;
  /** The target accepts new conversations from members (a pro's choice). */
  acceptsNewConversations: boolean;
};

/**
 * Starting a conversation with someone (or adding them to a group): an active account that
 * has not blocked the actor and accepts new conversations; facilitators may always reach a
 * member who did not block them (the programme's own contact), never a blocker.
 */
export function canStartConversationWith(actor: Actor, target: MessageTarget): boolean {
  if (!canUseMessages(actor) || target.id === actor.id) return false;
  if (target.status !== "active" || target.hasBlockedActor || target.isBlockedByActor) return false;
  return target.acceptsNewConversations || canModerate(actor);
}

/** A group holds at most MAX_CONVERSATION_PARTICIPANTS accounts, the creator included. */
export function isWithinGroupSize(otherParticipants: number): boolean {
  return otherParticipants >= 1 && otherParticipants + 1 <= MAX_CONVERSATION_PARTICIPANTS;
}

type MessageRef = { authorId: string; deletedAt: Date | null };

/** Only the author edits or deletes a message, while still in the conversation. */
export function canEditMessage(actor: Actor, participation: Participation, message: MessageRef): boolean {
  return canSendMessage(actor, participation) && actor?.id === message.authorId && !message.deletedAt;
}

/** A participant reports someone else's message. */
export function canReportMessage(actor: Actor, participation: Participation, message: MessageRef): boolean {
  return canReadConversation(actor, participation) && actor?.id !== message.authorId && !message.deletedAt;
}

/** Blocking is for active members, never oneself. */
export function canBlock(actor: Actor, targetId: string): actor is NonNullable<Actor> {
  return canUseMessages(actor) && actor.id !== targetId;
}

/** Reported messages (with their context) and buddy pairs: facilitators and admins. */
export function canHandleMessageReports(actor: Actor): boolean {
  return canModerate(actor);
}

export function canManageBuddies(actor: Actor): boolean {
  return canModerate(actor);
}

/** Reacting to a message, or fetching a file it carries: its conversation's participants, while it exists. */
export function canUseMessageContent(actor: Actor, participation: Participation, message: { deletedAt: Date | null }) {
  return canReadConversation(actor, participation) && !message.deletedAt;
}

/**
 * Adding people to a conversation later: a participant of a group (a one-to-one stays two; a new
 * conversation is started instead), up to MAX_CONVERSATION_PARTICIPANTS in all. Each added person
 * must also pass `canStartConversationWith` (so nobody adds someone who blocked them).
 */
export function canAddParticipants(
  actor: Actor,
  participation: Participation,
  conversation: { isGroup: boolean; participantCount: number; adding: number },
): boolean {
  if (!canSendMessage(actor, participation) || !conversation.isGroup || conversation.adding < 1) return false;
  return conversation.participantCount + conversation.adding <= MAX_CONVERSATION_PARTICIPANTS;
}
