import type { OutcomeSharing } from "@/lib/domain/outcomes";
import { canModerate, isActiveMember, type Actor } from "./index";

/** Any active member may declare what they found; it is theirs to correct or withdraw. */
export function canDeclareOutcome(actor: Actor): actor is NonNullable<Actor> {
  return isActiveMember(actor);
}

/** The Impact dashboard and its exports: facilitators and admins only. */
export function canViewImpact(actor: Actor): boolean {
  return canModerate(actor);
}

/** Creating cohorts and placing members in them: facilitators and admins. */
export function canManageCohorts(actor: Actor): boolean {
  return canModerate(actor);
}

/**
 * Whether facilitators may see a declaration by name: only when shared with them or with the
 * community. `nobody` counts in anonymous totals only.
 */
export function isNamedForFacilitators(sharing: OutcomeSharing): boolean {
  return sharing === "community" || sharing === "facilitators";
}

/** The six-month survey is answered by the member it was sent to (the query checks the invitation). */
export function canAnswerSurvey(actor: Actor): actor is NonNullable<Actor> {
  return isActiveMember(actor);
}
