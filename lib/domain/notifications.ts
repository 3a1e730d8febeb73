/** Notification types, follow levels and delivery choices: shared by the schema, services and UI (pure). */

/**
 * What a member can be told about. One notification per member per event: when several apply
 * (a reply that mentions me in a thread I follow), the first in this list wins.
 */
export const notificationTypes = [
  "mention",
  "message",
  "reply_to_me",
  "review",
  "answer",
  "offer_question",
  "decision",
  "moderation",
  "offer_match",
  "activity",
  "survey",
  "watching",
] as const;
export type NotificationType = (typeof notificationTypes)[number];

/** Discourse's levels: `watching` (every reply), `normal` (replies to me, mentions), `muted` (nothing). */
export const followLevels = ["watching", "normal", "muted"] as const;
export type FollowLevel = (typeof followLevels)[number];

/** How a type reaches the member by e-mail: at once, in the digest, or not at all. */
export const emailModes = ["now", "digest", "off"] as const;
export type EmailMode = (typeof emailModes)[number];

export type Delivery = { bell: boolean; push: boolean; email: EmailMode };
export type DeliveryPreferences = Record<NotificationType, Delivery>;

export const digestFrequencies = ["weekly", "daily", "never"] as const;
export type DigestFrequency = (typeof digestFrequencies)[number];

/**
 * Defaults for a member who never opens the preferences page: what is about them or their
 * documents comes at once; the rest waits for the weekly digest.
 */
export const DEFAULT_DELIVERY: DeliveryPreferences = {
  mention: { bell: true, push: true, email: "now" },
  message: { bell: true, push: true, email: "now" },
  reply_to_me: { bell: true, push: true, email: "now" },
  review: { bell: true, push: true, email: "now" },
  answer: { bell: true, push: true, email: "digest" },
  offer_question: { bell: true, push: true, email: "digest" },
  decision: { bell: true, push: true, email: "now" },
  moderation: { bell: true, push: false, email: "now" },
  offer_match: { bell: true, push: false, email: "digest" },
  activity: { bell: true, push: true, email: "now" },
  // The six-month survey: an invitation, then one reminder at most.
  survey: { bell: true, push: false, email: "now" },
  watching: { bell: true, push: false, email: "digest" },
};

export const DEFAULT_QUIET_HOURS = { start: 22, end: 8 } as const;

/** Whether `hour` (0–23, the member's time zone) falls in quiet hours that may wrap midnight. */
export function isQuietHour(hour: number, quiet: { start: number; end: number }): boolean {
  if (quiet.start === quiet.end) return false;
  return quiet.start < quiet.end ? hour >= quiet.start && hour < quiet.end : hour >= quiet.start || hour < quiet.end;
}
