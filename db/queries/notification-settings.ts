import "server-only";
import { eq, sql } from "drizzle-orm";
import {
  DEFAULT_DELIVERY,
  DEFAULT_QUIET_HOURS,
  notificationTypes,
  type Delivery,
  type DeliveryPreferences,
  type DigestFrequency,
  type NotificationType,
} from "@/lib/domain/notifications";
import type { DbOrTx } from "../client";
import { notificationSettings } from "../schema";

export const DEFAULT_TIME_ZONE = "Europe/Paris";

/** A member's notification settings with the defaults filled in (a missing row or type means the defaults). */
export type NotificationSettingsView = {
  delivery: DeliveryPreferences;
  digest: DigestFrequency;
  quietHours: { start: number; end: number };
  timeZone: string;
  /** False when the member never saved anything (every value is a default). */
  isStored: boolean;
};

/** `stored` over the defaults, type by type and field by field. */
export function mergeDelivery(stored: Partial<Record<NotificationType, Partial<Delivery>>>): DeliveryPreferences {
  return Object.fromEntries(
    notificationTypes.map((type) => [type, { ...DEFAULT_DELIVERY[type], ...stored[type] }]),
  ) as DeliveryPreferences;
}

export async function getNotificationSettings(
  db: DbOrTx,
  { userId }: { userId: string },
): Promise<NotificationSettingsView> {
  const [row] = await db.select().from(notificationSettings).where(eq(notificationSettings.userId, userId)).limit(1);
  return {
    delivery: mergeDelivery(row?.delivery ?? {}),
    digest: row?.digest ?? "weekly",
    quietHours: row ? { start: row.quietStart, end: row.quietEnd } : { ...DEFAULT_QUIET_HOURS },
    timeZone: row?.timeZone ?? DEFAULT_TIME_ZONE,
    isStored: Boolean(row),
  };
}

export type NotificationSettingsChange = {
  userId: string;
  /** Per type, the fields to change (`{ mention: { email: "off" } }`); other fields and types stay. */
  delivery?: Partial<Record<NotificationType, Partial<Delivery>>>;
  digest?: DigestFrequency;
  quietStart?: number;
  quietEnd?: number;
  timeZone?: string;
};

/**
 * Creates or changes a member's settings in one statement, so two changes at once (the
 * preferences page and an unsubscribe link) both apply. Each changed type is stored whole:
 * the stored value (else the default) with the given fields over it.
 */
export async function upsertNotificationSettings(db: DbOrTx, change: NotificationSettingsChange): Promise<void> {
  const patch = change.delivery ?? {};
  const types = Object.keys(patch) as NotificationType[];
  const defaults = Object.fromEntries(types.map((type) => [type, DEFAULT_DELIVERY[type]]));
  const insertedDelivery = Object.fromEntries(
    types.map((type) => [type, { ...DEFAULT_DELIVERY[type], ...patch[type] }]),
  );
  const scalars = {
    ...(change.digest !== undefined && { digest: change.digest }),
    ...(change.quietStart !== undefined && { quietStart: change.quietStart }),
    ...(change.quietEnd !== undefined && { quietEnd: change.quietEnd }),
    ...(change.timeZone !== undefined && { timeZone: change.timeZone }),
  };
  // For each patched type: coalesce(stored, default) || patch, merged into the stored object.
  const mergedDelivery = sql`${notificationSettings.delivery} || coalesce((
    select jsonb_object_agg(p.key, coalesce(${notificationSettings.delivery} -> p.key, d.value) || p.value)
    from jsonb_each(${JSON.stringify(patch)}::jsonb) p
    join jsonb_each(${JSON.stringify(defaults)}::jsonb) d on d.key = p.key
  ), '{}'::jsonb)`;
  await db
    .insert(notificationSettings)
    .values({ userId: change.userId, delivery: insertedDelivery, ...scalars })
    .onConflictDoUpdate({
      target: notificationSettings.userId,
      set: { ...scalars, ...(types.length > 0 && { delivery: mergedDelivery }), updatedAt: sql`now()` },
    });
}
