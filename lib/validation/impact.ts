import "server-only";
import { z } from "zod";
import { outcomeKinds } from "@/lib/domain/outcomes";
import { blankToNull, isoDate } from "./offers";
import { cleanString } from "./text";

export const cohortSchema = z
  .object({
    name: cleanString().pipe(
      z.string().trim().min(2, "cohorts.errors.nameRequired").max(80, "cohorts.errors.nameTooLong"),
    ),
    territory: cleanString().pipe(z.string().trim().max(80, "cohorts.errors.territoryTooLong")).default(""),
    startsOn: isoDate("cohorts.errors.dateInvalid"),
    endsOn: isoDate("cohorts.errors.dateInvalid"),
  })
  .refine((value) => value.endsOn >= value.startsOn, { path: ["endsOn"], message: "cohorts.errors.endBeforeStart" });
export type CohortInput = z.output<typeof cohortSchema>;

export const placeMemberSchema = z.object({
  cohortId: z.coerce.number().int().positive(),
  email: cleanString().pipe(z.string().trim().min(3, "cohorts.errors.emailRequired").max(200)),
});

/** The dashboard's filters (query string): a cohort or all, and a period (defaults applied by the service). */
export const impactFilterSchema = z.object({
  cohort: z.preprocess(blankToNull, z.coerce.number().int().positive().nullable()).optional(),
  from: z.preprocess(blankToNull, isoDate("impact.errors.dateInvalid").nullable()).optional(),
  to: z.preprocess(blankToNull, isoDate("impact.errors.dateInvalid").nullable()).optional(),
});
export type ImpactFilterInput = z.output<typeof impactFilterSchema>;

/** The positive-exit rule: which kinds count (checkboxes named after the kinds). */
export const positiveRuleSchema = z
  .object(Object.fromEntries(outcomeKinds.map((kind) => [kind, z.literal("on").optional()])))
  .transform((value) => outcomeKinds.filter((kind) => value[kind] === "on"));
