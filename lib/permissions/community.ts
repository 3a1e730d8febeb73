import type { Actor } from "./index";
import { canChangeRoles, canModerate, isActiveMember } from "./index";
import type { UserRole } from "./roles";

/**
 * Capabilities of the pro, questions, admission and moderation features, in the same spirit as
 * ./index.ts: pure functions of the actor (and the target), called by services and pages.
 */

const RANK: Record<UserRole, number> = { member: 0, pro: 0, facilitator: 1, admin: 2 };

/** Any active member who is not already a pro or staff may ask to be verified as a pro. */
export function canRequestPro(actor: Actor): boolean {
  return isActiveMember(actor) && actor.role === "member";
}

/** Pro requests, admissions, invitations, reports and the audit log are the facilitators' desk. */
export function canReviewProRequests(actor: Actor): boolean {
  return canModerate(actor);
}
export function canReviewAdmissions(actor: Actor): boolean {
  return canModerate(actor);
}
export function canManageInvitations(actor: Actor): boolean {
  return canModerate(actor);
}
export function canReadReports(actor: Actor): boolean {
  return canModerate(actor);
}
export function canReadAuditLog(actor: Actor): boolean {
  return canModerate(actor);
}
export function canHidePost(actor: Actor): boolean {
  return canModerate(actor);
}
export function canLockThread(actor: Actor): boolean {
  return canModerate(actor);
}
export function canPinThread(actor: Actor): boolean {
  return canModerate(actor);
}
export function canMoveThread(actor: Actor): boolean {
  return canModerate(actor);
}
export function canEditChannel(actor: Actor): boolean {
  return canModerate(actor);
}
export function canEditCommunitySettings(actor: Actor): boolean {
  return canModerate(actor);
}

/** The pro directory and the "to answer" list are part of the private community. */
export function canBrowsePros(actor: Actor): boolean {
  return isActiveMember(actor);
}

/** Members report others' posts that are still visible; reporting one's own post makes no sense. */
export function canReportPost(
  actor: Actor,
  post: { authorId: string; deletedAt: Date | null; hiddenAt: Date | null },
): boolean {
  return isActiveMember(actor) && actor.id !== post.authorId && !post.deletedAt && !post.hiddenAt;
}

/** The asker of a question, or a facilitator, marks the accepted answer. */
export function canAcceptAnswer(
  actor: Actor,
  thread: { authorId: string; kind: string; deletedAt: Date | null },
): boolean {
  if (!isActiveMember(actor) || thread.kind !== "question" || thread.deletedAt) return false;
  return actor.id === thread.authorId || canModerate(actor);
}

/** A question can be asked where the channel allows it (entraide by default). */
export function canAskQuestion(actor: Actor, channel: { allowsQuestions: boolean }): boolean {
  return isActiveMember(actor) && channel.allowsQuestions;
}

/**
 * Facilitators suspend members and pros; admins suspend anyone but themselves. Nobody can
 * suspend themselves (a locked-out last admin would be unrecoverable from the UI).
 */
export function canSuspendUser(actor: Actor, target: { id: string; role: UserRole }): boolean {
  if (!actor || !canModerate(actor) || actor.id === target.id) return false;
  return RANK[actor.role] > RANK[target.role];
}

/** Admins change anyone's role but their own (so there is always an admin left). */
export function canChangeRole(actor: Actor, target: { id: string }): boolean {
  return canChangeRoles(actor) && actor!.id !== target.id;
}

/** A role change that removes rights ends the member's sessions and sockets at once. */
export function isDemotion(from: UserRole, to: UserRole): boolean {
  return RANK[to] < RANK[from] || (from === "pro" && to === "member");
}

/** The community's identity (name, colours, logo, e-mail sender) is the admins' to change. */
export function canEditBranding(actor: Actor): boolean {
  return canChangeRoles(actor);
}

/**
 * The programme (channels, admission questions, weekly check-in) exported and imported as one
 * file: an import rewrites the whole community's structure, so it is the admins' alone.
 */
export function canManageProgramme(actor: Actor): boolean {
  return canChangeRoles(actor);
}
