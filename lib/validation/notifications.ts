import "server-only";
import { z } from "zod";
import { emailModes, followLevels, notificationTypes } from "@/lib/domain/notifications";

const notificationId = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);

export const notificationListSchema = z.object({
  cursor: z.string().max(400).optional(),
  limit: z.coerce.number().int().min(1).max(50).optional(),
});

/** Which notifications to mark read: some lines of the bell, or all of them. */
export const markReadSchema = z.union([
  z.object({ ids: z.array(notificationId).min(1).max(200) }),
  z.object({ all: z.literal(true) }),
]);

export const followLevelSchema = z.enum(followLevels, { error: "notifications.errors.invalidLevel" });

export const followThreadSchema = z.object({ threadId: notificationId, level: followLevelSchema });
export const followChannelSchema = z.object({ channelSlug: z.string().min(1).max(60), level: followLevelSchema });

const hour = z.coerce
  .number()
  .int()
  .min(0, "notifications.errors.invalidHour")
  .max(23, "notifications.errors.invalidHour");

/** The preferences page: one delivery per type, the digest frequency and quiet hours. */
export const notificationPreferencesSchema = z.object({
  delivery: z.record(
    z.enum(notificationTypes),
    z.object({ bell: z.boolean(), push: z.boolean(), email: z.enum(emailModes) }),
  ),
  digest: z.enum(["weekly", "daily", "never"]),
  quietStart: hour,
  quietEnd: hour,
});
export type NotificationPreferencesInput = z.output<typeof notificationPreferencesSchema>;
