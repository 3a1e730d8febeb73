import { isActiveMember, type Actor } from "./index";

/**
 * Registering this device for push notifications. Notifications are about the members-only
 * community, so only active members get them; a suspended or pending account cannot subscribe.
 */
export function canSubscribeToPush(actor: Actor): boolean {
  return isActiveMember(actor);
}
