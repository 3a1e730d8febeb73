import type { Actor } from "./index";
import { canSuspendUser } from "./community";
import type { UserRole } from "./roles";

/** Any signed-in account that is not suspended (a member waiting for admission included). */
function isOwnAccountUsable(actor: Actor): actor is NonNullable<Actor> {
  return actor !== null && actor.status !== "suspended";
}

/** Members export their own data only (GDPR access/portability). */
export function canExportOwnData(actor: Actor): boolean {
  return isOwnAccountUsable(actor);
}

/**
 * Erasure: the member themselves, or a facilitator/admin on request (audited) for an account
 * they outrank, as for suspensions — a facilitator cannot erase another facilitator or an admin.
 */
export function canEraseAccount(actor: Actor, target: { id: string; role: UserRole }): boolean {
  if (actor?.id === target.id) return isOwnAccountUsable(actor);
  return canSuspendUser(actor, target);
}
