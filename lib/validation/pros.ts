import "server-only";
import { z } from "zod";
import { requestStatuses } from "@/lib/moderation/constants";
import { expertiseListSchema } from "./profile";
import { cleanString } from "./text";

const text = (min: number, max: number, tooShort: string, tooLong: string) =>
  cleanString().pipe(z.string().trim()).pipe(z.string().min(min, tooShort).max(max, tooLong));

export const proRequestSchema = z.object({
  organisation: text(2, 120, "pros.organisationRequired", "validation.organisationTooLong"),
  jobTitle: text(2, 120, "pros.jobTitleRequired", "pros.jobTitleTooLong"),
  proofUrl: cleanString()
    .pipe(z.string().trim())
    .pipe(
      z
        .string()
        .min(1, "pros.proofUrlRequired")
        .max(500, "pros.proofUrlInvalid")
        .pipe(z.url({ protocol: /^https?$/, error: "pros.proofUrlInvalid" })),
    ),
  // A pro is listed by field in the directory: at least one is required here, unlike on the profile.
  expertise: expertiseListSchema({ requiredMessage: "pros.expertiseRequired" }),
});
export type ProRequestFormInput = z.infer<typeof proRequestSchema>;

/** A facilitator's decision; refusing needs a message (the member deserves to know why). */
export const decisionSchema = z
  .object({
    decision: z.enum(["approve", "refuse"]),
    message: cleanString().pipe(z.string().trim().max(1000, "pros.messageTooLong")).optional().default(""),
  })
  .refine((value) => value.decision === "approve" || value.message.length >= 3, {
    path: ["message"],
    message: "pros.refusalNeedsMessage",
  });

export const proDecisionSchema = z.intersection(
  z.object({ requestId: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER) }),
  decisionSchema,
);

export const directoryFilterSchema = z.object({
  expertise: cleanString().pipe(z.string().trim().max(40)).optional().catch(undefined),
  after: z.string().max(400).optional(),
});

export { requestStatuses };
