import "server-only";
import { z } from "zod";
import { addDays, parisMidnight } from "@/lib/domain/offer-expiry";
import { auditActions } from "@/lib/moderation/constants";
import { userRoles, userStatuses } from "@/lib/permissions/roles";
import { cleanString } from "./text";

const id = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const userId = z.uuid("validation.invalidId");

/** A reason is required where the person concerned will read it (hidden post, suspension). */
export const reasonSchema = cleanString()
  .pipe(z.string().trim())
  .pipe(z.string().min(3, "moderation.reasonRequired").max(500, "moderation.reasonTooLong"));

/** Optional reasons: an empty field becomes null. */
export const optionalReasonSchema = cleanString()
  .pipe(z.string().trim().max(500, "moderation.reasonTooLong"))
  .optional()
  .transform((value) => (value ? value : null));

const flag = z.union([z.boolean(), z.enum(["true", "false"]).transform((value) => value === "true")]);

export const reportPostSchema = z.object({ postId: id, reason: reasonSchema });
export const hidePostSchema = z.object({ postId: id, reason: reasonSchema });
export const unhidePostSchema = z.object({ postId: id, reason: optionalReasonSchema });
export const dismissReportSchema = z.object({ reportId: id, reason: optionalReasonSchema });
export const threadFlagSchema = z.object({ threadId: id, value: flag, reason: optionalReasonSchema });
export const archiveChannelSchema = z.object({ slug: z.string().min(1).max(60), archived: flag });
export const moveThreadSchema = z.object({
  threadId: id,
  channelSlug: z.string().min(1).max(60),
  reason: optionalReasonSchema,
});

export const updateChannelSchema = z.object({
  slug: z.string().min(1).max(60),
  name: cleanString()
    .pipe(z.string().trim())
    .pipe(z.string().min(2, "moderation.channelNameTooShort").max(60, "moderation.channelNameTooLong")),
  nameEn: cleanString()
    .pipe(z.string().trim().max(60, "moderation.channelNameTooLong"))
    .refine((value) => value === "" || value.length >= 2, "moderation.channelNameTooShort")
    .optional(),
  description: cleanString().pipe(z.string().trim().max(300, "moderation.channelDescriptionTooLong")),
  rules: cleanString().pipe(z.string().trim().max(2000, "moderation.channelRulesTooLong")),
  /** A checkbox: present ("on") when ticked. */
  watchedByDefault: z
    .literal("on")
    .optional()
    .transform((value) => value === "on"),
});

/**
 * `YYYY-MM-DD` from a date field; the suspension ends at the end of that day in Paris, the time
 * zone every page shows dates in (23:59:59 UTC was already the next day there). Empty: no end date.
 */
const untilSchema = z
  .string()
  .optional()
  .transform((value, ctx) => {
    if (!value) return null;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(`${value}T23:59:59Z`))) {
      ctx.addIssue({ code: "custom", message: "moderation.untilInvalid" });
      return z.NEVER;
    }
    const until = new Date(parisMidnight(addDays(value, 1)).getTime() - 1_000);
    if (until.getTime() <= Date.now()) {
      ctx.addIssue({ code: "custom", message: "moderation.untilInPast" });
      return z.NEVER;
    }
    return until;
  });

export const suspendUserSchema = z.object({ userId, reason: reasonSchema, until: untilSchema });
export const unsuspendUserSchema = z.object({ userId, reason: optionalReasonSchema });
export const changeRoleSchema = z.object({
  userId,
  role: z.enum(userRoles, "moderation.roleInvalid"),
  reason: optionalReasonSchema,
});

export const auditFilterSchema = z.object({
  action: z.enum(auditActions).optional().catch(undefined),
  actor: z.uuid().optional().catch(undefined),
  member: z.uuid().optional().catch(undefined),
  after: z.string().max(200).optional(),
});

export const memberFilterSchema = z.object({
  q: cleanString().pipe(z.string().trim().max(100)).optional().catch(undefined),
  status: z.enum(userStatuses).optional().catch(undefined),
  after: z.string().max(400).optional(),
});

export const acceptAnswerSchema = z.object({ postId: id });
export const unacceptAnswerSchema = z.object({ threadId: id });
