import type { Channel } from "@/db/schema";
import { CHANNEL_KINDS } from "@/lib/forum/kinds";
import type { UserRole, UserStatus } from "./roles";

/** Who is acting: a signed-in account (as read by `getCurrentUser`) or null for a visitor. */
export type Actor = { id: string; role: UserRole; status: UserStatus } | null;

const STAFF_ROLES: ReadonlySet<UserRole> = new Set(["facilitator", "admin"]);

/** An active account: signed in, admitted, not suspended. */
export function isActiveMember(actor: Actor): actor is NonNullable<Actor> {
  return actor !== null && actor.status === "active";
}

export function canModerate(actor: Actor): boolean {
  return isActiveMember(actor) && STAFF_ROLES.has(actor.role);
}

export function canChangeRoles(actor: Actor): boolean {
  return isActiveMember(actor) && actor.role === "admin";
}

/**
 * Public channels are readable by anyone; staff channels by facilitators and admins; the others
 * by active members only. Review channels
 * (CVs, letters, pitches) hold personal documents: members-only whatever their setting says.
 */
export function canReadChannel(actor: Actor, channel: Pick<Channel, "visibility" | "kind">): boolean {
  // A suspended account reads nothing, not even public channels (once signed out, it is a visitor).
  if (actor?.status === "suspended") return false;
  if (channel.visibility === "staff") return canModerate(actor);
  if (isActiveMember(actor)) return true;
  return channel.visibility === "public" && !CHANNEL_KINDS[channel.kind].isPersonal;
}

/** What posting and replying need to know of a channel: an archived one takes nothing new. */
type PostableChannel = Pick<Channel, "visibility" | "kind" | "archivedAt">;

/** An archived channel stays readable (its threads by link) but takes no new thread, from anyone. */
export function isChannelArchived(channel: Pick<Channel, "archivedAt">): boolean {
  return channel.archivedAt !== null;
}

/** The channels offered in lists and menus (navigation, home, compose choices, search filters). */
export function isListedChannel(actor: Actor, channel: Pick<Channel, "visibility" | "kind" | "archivedAt">): boolean {
  return !isChannelArchived(channel) && canReadChannel(actor, channel);
}

export function canPostInChannel(actor: Actor, channel: PostableChannel): boolean {
  return isActiveMember(actor) && canReadChannel(actor, channel) && !isChannelArchived(channel);
}

export function canEditProfile(actor: Actor, profileUserId: string): boolean {
  return isActiveMember(actor) && actor.id === profileUserId;
}

/** Notifications, follow levels and saved searches are for active members. */
export function canFollow(actor: Actor): actor is NonNullable<Actor> {
  return isActiveMember(actor);
}

/** Member profiles are part of the private community. */
export function canViewProfiles(actor: Actor): boolean {
  return isActiveMember(actor);
}

type PostRef = { authorId: string; deletedAt: Date | null; hiddenAt?: Date | null };
type ThreadRef = { isLocked: boolean; deletedAt: Date | null };

/** Reading a thread is reading its channel; deleted threads are gone for everyone but staff. */
export function canReadThread(actor: Actor, channel: Pick<Channel, "visibility" | "kind">, thread: ThreadRef): boolean {
  if (thread.deletedAt && !canModerate(actor)) return false;
  return canReadChannel(actor, channel);
}

/**
 * The replies of a thread: like the thread, except in channels whose replies are for members
 * only (a public job offer stays public; the questions members ask under it do not).
 */
export function canReadReplies(actor: Actor, channel: Pick<Channel, "visibility" | "kind">): boolean {
  if (!canReadChannel(actor, channel)) return false;
  return !CHANNEL_KINDS[channel.kind].hasMembersOnlyReplies || isActiveMember(actor);
}

/** Locked threads take no new replies, except from moderators; threads of an archived channel, from no one. */
export function canReply(actor: Actor, channel: PostableChannel, thread: ThreadRef): boolean {
  if (!isActiveMember(actor) || !canReadThread(actor, channel, thread) || isChannelArchived(channel)) return false;
  return !thread.isLocked || canModerate(actor);
}

/**
 * A post's content (text and attached files) for a reader of its thread: gone once deleted;
 * once hidden by moderation, only for its author and moderators.
 */
export function canSeePostContent(actor: Actor, post: PostRef): boolean {
  if (post.deletedAt) return false;
  return !post.hiddenAt || actor?.id === post.authorId || canModerate(actor);
}

export function canEditPost(actor: Actor, post: PostRef): boolean {
  return isActiveMember(actor) && actor.id === post.authorId && !post.deletedAt && !post.hiddenAt;
}

export function canDeletePost(actor: Actor, post: PostRef): boolean {
  return isActiveMember(actor) && actor.id === post.authorId && !post.deletedAt;
}

export function canReact(actor: Actor, post: PostRef): boolean {
  return isActiveMember(actor) && !post.deletedAt && !post.hiddenAt;
}

/** Mention autocomplete lists member names: members only. */
export function canSearchMembers(actor: Actor): boolean {
  return isActiveMember(actor);
}

export * from "./community";
export * from "./offers";
export * from "./push";
export * from "./rhythm";
export * from "./data-ownership";
export * from "./help";
