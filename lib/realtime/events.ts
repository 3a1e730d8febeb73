import "server-only";
import type { PostView, ReactionView } from "@/lib/forum/views";
import type { MessageReaction, MessageView } from "@/lib/messages/views";

/** Rooms a client may ask to join; the server checks read access for each. */
export type RoomName = `thread:${number}` | `channel:${string}`;

/**
 * What the server pushes. Payloads are small and never carry what a reader may not see:
 * posts are sent as a visitor would see them (per-reader flags are computed in the browser,
 * and the server re-checks every action), large bodies are left out (`isPartial`) and fetched
 * through the API, which applies the reader's own permissions.
 */
export type ServerToClientEvents = {
  "post:created": (event: { threadId: number; number: number; post: PostView | null }) => void;
  "post:updated": (event: { threadId: number; number: number; post: PostView | null }) => void;
  "post:deleted": (event: { threadId: number; postId: number }) => void;
  "post:hidden": (event: { threadId: number; postId: number }) => void;
  "post:reactions": (event: {
    threadId: number;
    postId: number;
    reactions: ReactionView[];
    actorId: string;
    emoji: string;
  }) => void;
  "thread:activity": (event: { channelSlug: string; threadId: number; authorId: string; isNewThread: boolean }) => void;
  "thread:updated": (event: { threadId: number; isPinned: boolean; isLocked: boolean }) => void;
  /** A question's accepted answer was chosen (`postId`) or withdrawn (null): pages fetch it through the API. */
  "answer:changed": (event: { threadId: number; postId: number | null }) => void;
  /** A review or pitch changed (rubric review, page comment, version, resolved): pages re-render its summary. */
  "review:updated": (event: { threadId: number; actorId: string }) => void;
  /** Sent to a member's own room: their bell refetches its count (nothing private travels). */
  "notifications:changed": () => void;
  /**
   * Private messages go to each current participant's own room (`user:<id>`), never to a room
   * one could ask to join. `message` is null when too large to push: the page catches up.
   */
  "message:created": (event: { conversationId: number; number: number; message: MessageView | null }) => void;
  "message:updated": (event: { conversationId: number; number: number; message: MessageView | null }) => void;
  "message:deleted": (event: { conversationId: number; messageId: number }) => void;
  /** A message's reactions changed (the whole list for it: the same for every participant). */
  "message:reactions": (event: { conversationId: number; messageId: number; reactions: MessageReaction[] }) => void;
  /** "Léa écrit…": a participant is typing (signalled over HTTP; fades out on the page). */
  "conversation:typing": (event: { conversationId: number; user: { id: string; name: string } }) => void;
  /** A participant has seen the conversation up to `number` ("vu"). */
  "conversation:read": (event: { conversationId: number; userId: string; number: number }) => void;
  /** People joined or left the conversation: open pages refresh their list of participants. */
  "conversation:participants": (event: { conversationId: number }) => void;
  /** The member's unread conversations changed elsewhere (read in another tab, left…): refetch the count. */
  "messages:changed": () => void;
  typing: (event: { threadId: number; user: { id: string; name: string } }) => void;
  presence: (event: { threadId: number; count: number }) => void;
};

/** Clients only subscribe and signal typing: every write goes through actions or HTTP. */
export type ClientToServerEvents = {
  /** `retry`: the server could not check access just now (its database is away); ask again. */
  join: (room: RoomName, ack: (result: { ok: boolean; retry?: boolean }) => void) => void;
  leave: (room: RoomName) => void;
  typing: (threadId: number) => void;
};

export type SocketUser = { id: string; name: string; role: string; status: string; sessionId?: string | null };
/** `isAuthPending`: the session could not be checked at the handshake (database away); checked again at the next join. */
export type SocketData = { user: SocketUser | null; isAuthPending?: boolean };

/** Bodies above this size are not pushed (PostgreSQL NOTIFY carries at most 8,000 bytes). */
export const MAX_PUSHED_BODY_CHARS = 5_000;
