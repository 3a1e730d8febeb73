import type { HelpAudience } from "@/lib/domain/help";
import { canChangeRoles, canModerate, isActiveMember, type Actor } from "./index";

/**
 * The in-app help (`/aide`), in the spirit of ./index.ts: pure functions of the actor (and the
 * page), called by lib/help/service.ts and the pages.
 */

/** Members' help pages are part of the private community: active accounts read them. */
export function canReadHelp(actor: Actor): actor is NonNullable<Actor> {
  return isActiveMember(actor);
}

/** The facilitators' pages (admitting a member, reports, the impact dashboard): staff only. */
export function canReadFacilitatorHelp(actor: Actor): boolean {
  return canModerate(actor);
}

/** One page, by its audience: to anyone who may not read it, a facilitators' page does not exist. */
export function canReadHelpPage(actor: Actor, page: { audience: HelpAudience }): boolean {
  return page.audience === "facilitator" ? canReadFacilitatorHelp(actor) : canReadHelp(actor);
}

/** Help pages belong to the programme template: admins write, reorder and delete them. */
export function canEditHelp(actor: Actor): actor is NonNullable<Actor> {
  return canChangeRoles(actor);
}
