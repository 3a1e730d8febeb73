/** Private conversations: limits shared by the schema, services and UI (pure: imports nothing). */

/** A group holds at most this many participants, its creator included. */
export const MAX_CONVERSATION_PARTICIPANTS = 8;

/** Messages per page when reading a conversation (older ones load on demand). */
export const MESSAGE_PAGE_SIZE = 50;

/** At most this many messages per catch-up answer (`hasMore` says to ask again). */
export const MESSAGE_CATCH_UP_LIMIT = 200;

/** How many messages before a reported one are shared with the facilitators. */
export const REPORT_CONTEXT_MESSAGES = 5;

/** Conversations per page in the list. */
export const CONVERSATION_PAGE_SIZE = 30;

export const AVAILABILITY_NOTE_MAX = 120;

/** One message of the context shared with facilitators, frozen when the report is made. */
export type ReportedMessageContext = {
  number: number;
  authorId: string;
  authorName: string;
  bodyHtml: string;
  createdAt: string;
  isReported: boolean;
};

/** One line of a member's conversation list. */
export type ConversationListItem = {
  id: number;
  title: string | null;
  isGroup: boolean;
  lastNumber: number;
  lastReadNumber: number;
  lastMessageAt: Date;
  isArchived: boolean;
  /** The other current participants' names. */
  others: { id: string; name: string }[];
  lastExcerpt: string | null;
  lastAuthorName: string | null;
  lastAuthorId: string | null;
};

/** A file a message carries, as its participants see it (the bytes come from the checked file route). */
export type MessageAttachment = { fileId: string; contentType: string; name: string; byteSize: number };

/** One emoji's reactions on a message: the same for every participant (each page finds itself in `userIds`). */
export type MessageReaction = { emoji: string; count: number; names: string[]; userIds: string[] };

/** "Léa écrit…" disappears after this long without a new signal (or when her message arrives). */
export const TYPING_VISIBLE_MS = 5_000;

/** A typing browser signals at most this often; the server drops signals closer than that. */
export const TYPING_SIGNAL_INTERVAL_MS = 2_500;
