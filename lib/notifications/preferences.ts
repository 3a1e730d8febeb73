import "server-only";
import { getNotificationSettings, upsertNotificationSettings } from "@/db/queries/notification-settings";
import type { ServiceContext } from "@/lib/context";
import { requireFollower } from "@/lib/notifications/service";
import type { NotificationPreferencesInput } from "@/lib/validation/notifications";

/** The member's own settings, defaults filled in. */
export async function getMyNotificationPreferences({ db, actor }: ServiceContext) {
  requireFollower(actor);
  return getNotificationSettings(db, { userId: actor.id });
}

/** Saves the preferences page as a whole (only the member's own row can be written). */
export async function updateMyNotificationPreferences(
  { db, actor }: ServiceContext,
  input: NotificationPreferencesInput,
): Promise<void> {
  requireFollower(actor);
  await upsertNotificationSettings(db, {
    userId: actor.id,
    delivery: input.delivery,
    digest: input.digest,
    quietStart: input.quietStart,
    quietEnd: input.quietEnd,
  });
}
