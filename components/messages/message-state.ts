import type { MessageReaction, MessageView } from "@/lib/messages/views";

/**
 * Puts a message in its place (by number) or replaces the copy already there: a message that
 * arrives both live and through catch-up is shown once, and an older copy never replaces a newer
 * edit.
 */
export function upsertMessage(messages: MessageView[], message: MessageView): MessageView[] {
  const index = messages.findIndex((candidate) => candidate.id === message.id);
  if (index >= 0) {
    const current = messages[index]!;
    if (current.isDeleted || (current.version > message.version && !message.isDeleted)) return messages;
    const next = messages.slice();
    next[index] = message;
    return next;
  }
  const next = [...messages, message];
  next.sort((a, b) => a.number - b.number);
  return next;
}

export function upsertMessages(messages: MessageView[], incoming: MessageView[]): MessageView[] {
  return incoming.reduce(upsertMessage, messages);
}

/** The highest message number on screen (where catch-up starts from). */
export function lastNumberOf(messages: MessageView[]): number {
  return messages.at(-1)?.number ?? 0;
}

/**
 * "Vu par …" under the viewer's last message: the other participants whose read mark reached it.
 */
export function seenByNames(
  messages: MessageView[],
  viewerId: string,
  participants: { id: string; name: string; lastReadNumber: number }[],
): string[] {
  const lastOwn = [...messages].reverse().find((message) => message.author.id === viewerId && !message.isDeleted);
  if (!lastOwn) return [];
  return participants
    .filter((participant) => participant.id !== viewerId && participant.lastReadNumber >= lastOwn.number)
    .map((participant) => participant.name);
}

/** A message's new reactions (live): the same array when the message is not on screen. */
export function setReactions(messages: MessageView[], messageId: number, reactions: MessageReaction[]): MessageView[] {
  if (!messages.some((message) => message.id === messageId)) return messages;
  return messages.map((message) => (message.id === messageId ? { ...message, reactions } : message));
}

/** Someone shown as typing until `until` (ms since the epoch). */
export type Typist = { id: string; name: string; until: number };

/** Typists still shown: not the author of a message that just arrived, and not faded out. */
export function removeTypist(typists: Typist[], { authorId, now }: { authorId?: string; now: number }): Typist[] {
  return typists.filter((typist) => typist.id !== authorId && typist.until > now);
}
