import type { ActivityStatus } from "@/lib/domain/rhythm";
import { canModerate, isActiveMember, type Actor } from "./index";

type ActivityRef = { hostId: string; status: ActivityStatus };

/** Check-ins are for active members (facilitators and pros included: they may share their week too). */
export function canCheckIn(actor: Actor): actor is NonNullable<Actor> {
  return isActiveMember(actor);
}

/**
 * A member's check-in history (staff-only check-ins included): the member and facilitators.
 * Other members see check-ins only as posts in the weekly threads.
 */
export function canReadCheckinHistory(actor: Actor, userId: string): boolean {
  return isActiveMember(actor) && (actor.id === userId || canModerate(actor));
}

/** Facilitators choose the check-in day and edit its questions. */
export function canConfigureRhythm(actor: Actor): boolean {
  return canModerate(actor);
}

/** The programme's activities are for members only: nothing of them is public. */
export function canViewActivities(actor: Actor): actor is NonNullable<Actor> {
  return isActiveMember(actor);
}

/** Any member may propose an activity: the programme wants members to lead them. */
export function canProposeActivity(actor: Actor): actor is NonNullable<Actor> {
  return isActiveMember(actor);
}

/** Facilitators and verified pros publish without waiting for approval; members' proposals wait. */
export function canPublishActivityDirectly(actor: Actor): boolean {
  return canModerate(actor) || (isActiveMember(actor) && actor.role === "pro");
}

export function canDecideActivity(actor: Actor): boolean {
  return canModerate(actor);
}

/** A proposal is seen by its host and facilitators until it is published. */
export function canSeeActivity(actor: Actor, activity: ActivityRef): boolean {
  if (!canViewActivities(actor)) return false;
  return activity.status === "published" || activity.status === "cancelled" || canManageActivity(actor, activity);
}

/** Edit, cancel, record attendance, post the recap: the host and facilitators. */
export function canManageActivity(actor: Actor, activity: Pick<ActivityRef, "hostId">): boolean {
  return isActiveMember(actor) && (actor.id === activity.hostId || canModerate(actor));
}

export function canRsvp(actor: Actor, activity: Pick<ActivityRef, "status">): actor is NonNullable<Actor> {
  return isActiveMember(actor) && activity.status === "published";
}

/** The visio link and the place's details: participants (a confirmed "oui"), the host and facilitators. */
export function canSeeActivityAccess(
  actor: Actor,
  activity: Pick<ActivityRef, "hostId">,
  myResponse: string | null | undefined,
): boolean {
  return canManageActivity(actor, activity) || (isActiveMember(actor) && myResponse === "going");
}
