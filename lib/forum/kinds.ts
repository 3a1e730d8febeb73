import type { Channel, ChannelKind, ReviewDocKind, ThreadKind } from "@/db/schema";

/**
 * The registry of channel kinds: the one place that says what each kind of channel is. Pure
 * data (no server code), so permissions, services and pages share it. Per-kind server hooks
 * live in `kind-hooks.ts`, per-kind UI (sections, list badges, forms) in
 * `app/(forum)/c/[slug]/_kinds/`. Adding a kind: a value in `channelKinds` (db/schema/forum.ts)
 * plus its migration, an entry here, its hooks and its UI entries.
 */
export type ChannelKindRules = {
  /** Threads hold personal documents: members-only whatever the channel's visibility says. */
  isPersonal: boolean;
  /** Whether the generic thread form may post here (structured kinds have their own form). */
  acceptsPlainThreads: boolean;
  /** The structured form of this kind, relative to `/c/<slug>/` (null: the generic form only). */
  composePath: "review/new" | "pitch/new" | "new" | null;
  /** The kind of thread that structured form creates. */
  threadKind: ThreadKind;
  /** What a thread's file must be, checked by content (null: no upload). */
  upload: "pdf" | "audio" | null;
  /** Lists show each thread's review status ("Sans retour", "N retours", "Résolu"…). */
  hasReviewStatuses: boolean;
  /**
   * Replies are for members even where the opening post is public: members asking questions
   * under a public job offer must not be readable by anyone searching their name.
   */
  hasMembersOnlyReplies: boolean;
};

export const CHANNEL_KINDS: Record<ChannelKind, ChannelKindRules> = {
  discussion: {
    isPersonal: false,
    acceptsPlainThreads: true,
    composePath: null,
    threadKind: "discussion",
    upload: null,
    hasReviewStatuses: false,
    hasMembersOnlyReplies: false,
  },
  offers: {
    isPersonal: false,
    // The offers channel holds structured offers only (lib/offers/service publishOffer).
    acceptsPlainThreads: false,
    composePath: "new",
    threadKind: "offer",
    upload: null,
    hasReviewStatuses: false,
    hasMembersOnlyReplies: true,
  },
  review: {
    isPersonal: true,
    acceptsPlainThreads: true,
    composePath: "review/new",
    threadKind: "review",
    upload: "pdf",
    hasReviewStatuses: true,
    hasMembersOnlyReplies: false,
  },
  pitch: {
    isPersonal: true,
    acceptsPlainThreads: true,
    composePath: "pitch/new",
    threadKind: "pitch",
    upload: "audio",
    hasReviewStatuses: true,
    hasMembersOnlyReplies: false,
  },
};

export function kindRules(channel: Pick<Channel, "kind">): ChannelKindRules {
  return CHANNEL_KINDS[channel.kind];
}

/** The document a review or pitch channel is about (stored on the channel, never guessed from its slug). */
export function channelDocKind(channel: Pick<Channel, "kind" | "docKind">): ReviewDocKind | null {
  if (!CHANNEL_KINDS[channel.kind].hasReviewStatuses) return null;
  return channel.docKind ?? (channel.kind === "pitch" ? "pitch" : "cv");
}

/**
 * Threads of kinds with a structured form of their own (offers) live in their channel only: a
 * moderator can neither move them out nor move other threads into such a channel.
 */
export function canMoveBetweenKinds(thread: { kind: ThreadKind }, target: Pick<Channel, "kind">): boolean {
  const isStructured = Object.values(CHANNEL_KINDS).some(
    (rules) => !rules.acceptsPlainThreads && rules.threadKind === thread.kind,
  );
  return !isStructured && CHANNEL_KINDS[target.kind].acceptsPlainThreads;
}

/** Thread kinds whose opening post carries a reviewed document (rubric feedback applies). */
export function isReviewThread(thread: { kind: ThreadKind }): boolean {
  return thread.kind === "review" || thread.kind === "pitch";
}
