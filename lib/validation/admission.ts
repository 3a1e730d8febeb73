import "server-only";
import { z } from "zod";
import { COMMUNITY_MODES, MAX_QUESTIONS, type AdmissionQuestion } from "@/lib/admission/settings";
import { decisionSchema } from "./pros";
import { signUpSchema } from "./auth";
import { cleanString } from "./text";

const answerSchema = cleanString()
  .pipe(z.string().trim())
  .pipe(z.string().min(2, "admission.answerRequired").max(1000, "admission.answerTooLong"));

/**
 * Sign-up with the admission questions of the moment (closed community, no invitation): each
 * answer is a field `answer_<questionId>`. With no questions it is the plain sign-up schema.
 */
export function signUpWithAnswersSchema(questions: AdmissionQuestion[]) {
  const answers = Object.fromEntries(questions.map((question) => [`answer_${question.id}`, answerSchema]));
  return signUpSchema.extend({ invitation: z.string().max(100).optional(), ...answers });
}

export const admissionDecisionSchema = z.intersection(
  z.object({
    userId: z.uuid(),
    /** A cohort to place the newcomer in when approved (blank: none). */
    cohortId: z.preprocess(
      (value) => (value === "" || value === undefined ? null : value),
      z.coerce.number().int().positive().nullable(),
    ),
  }),
  decisionSchema,
);

export const invitationSchema = z
  .object({
    uses: z.enum(["single", "multi"]),
    // Empty for a multi-use link: any number of uses until it expires.
    maxUses: z
      .string()
      .optional()
      .transform((value) => (value ? Number(value) : null))
      .pipe(
        z
          .number("admission.maxUsesInvalid")
          .int("admission.maxUsesInvalid")
          .min(2, "admission.maxUsesInvalid")
          .max(1000, "admission.maxUsesInvalid")
          .nullable(),
      ),
    expiresInDays: z.coerce
      .number("admission.expiryInvalid")
      .int("admission.expiryInvalid")
      .min(1, "admission.expiryInvalid")
      .max(90, "admission.expiryInvalid"),
    note: cleanString().pipe(z.string().trim().max(120, "admission.noteTooLong")).optional().default(""),
  })
  .transform((value) => ({
    maxUses: value.uses === "single" ? 1 : value.maxUses,
    expiresInDays: value.expiresInDays,
    note: value.note,
  }));

export const revokeInvitationSchema = z.object({ invitationId: z.uuid() });

export const communitySettingsSchema = z.object({
  mode: z.enum(COMMUNITY_MODES),
  // One question per line in the form.
  questions: cleanString()
    .pipe(z.string().max(4000, "admission.questionsTooLong"))
    .transform((value) =>
      Array.from(
        new Set(
          value
            .split("\n")
            .map((line) => line.trim())
            .filter(Boolean),
        ),
      ),
    )
    // Errors are reported on the whole field (the form has one text area, not one input per question).
    .superRefine((questions, ctx) => {
      if (questions.length > MAX_QUESTIONS) ctx.addIssue({ code: "custom", message: "admission.tooManyQuestions" });
      if (questions.some((question) => question.length < 3))
        ctx.addIssue({ code: "custom", message: "admission.questionTooShort" });
      if (questions.some((question) => question.length > 200))
        ctx.addIssue({ code: "custom", message: "admission.questionTooLong" });
    }),
});
