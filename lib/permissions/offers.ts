import { isActiveMember, type Actor } from "./index";

/** Roles that publish offers as an employer: verified ESS pros, and the team on their behalf. */
const EMPLOYER_ROLES: ReadonlySet<string> = new Set(["pro", "facilitator", "admin"]);

/** Publishes an offer under an organisation ("offre d'employeur"). */
export function canPublishOfferAsEmployer(actor: Actor): boolean {
  return isActiveMember(actor) && EMPLOYER_ROLES.has(actor.role);
}

/** Any active member may relay an offer found elsewhere, shown as "partagée par un membre". */
export function canShareOffer(actor: Actor): boolean {
  return isActiveMember(actor);
}

/** Editing, closing ("Pourvue") and reopening are the author's alone. */
export function canEditOffer(actor: Actor, offer: { authorId: string; isDeleted: boolean }): boolean {
  return isActiveMember(actor) && actor.id === offer.authorId && !offer.isDeleted;
}

/** Personal API tokens publish as their owner: only accounts that may publish as an employer get them. */
export function canManageApiTokens(actor: Actor): boolean {
  return canPublishOfferAsEmployer(actor);
}

/** The private application tracker ("Mes candidatures"). */
export function canTrackApplications(actor: Actor): boolean {
  return isActiveMember(actor);
}

/** Following other communities' offers ("Offres du réseau") is the admins' choice. */
export function canManageNetwork(actor: Actor): boolean {
  return isActiveMember(actor) && actor.role === "admin";
}
