import { z } from "zod";

export const erasurePostsModes = ["anonymise", "delete"] as const;

const passwordSchema = z.string().min(1, "dataOwnership.passwordRequired").max(128);
/** The second factor too, for accounts that use it (checked by the service). */
const codeSchema = z.string().trim().max(20).optional();

/** `/settings/supprimer-mon-compte`: the password again, what to do with the posts, and a confirmation. */
export const eraseMyAccountSchema = z.object({
  password: passwordSchema,
  code: codeSchema,
  posts: z.enum(erasurePostsModes).default("anonymise"),
  confirm: z.literal("on", { error: "dataOwnership.confirmRequired" }),
});

/** Staff erasing an account on a member's request: the reason is audited (no personal data in it). */
export const eraseMemberAccountSchema = z.object({
  userId: z.uuid(),
  reason: z.string().trim().min(3, "dataOwnership.reasonRequired").max(500),
  posts: z.enum(erasurePostsModes).default("anonymise"),
});

/** `/settings/donnees`: the password again before an export is prepared. */
export const requestExportSchema = z.object({ password: passwordSchema, code: codeSchema });
