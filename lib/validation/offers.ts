import "server-only";
import { z } from "zod";
import { documentFromText } from "@/lib/editor/render";
import {
  applicationStatuses,
  essFamilies,
  offerContracts,
  offerOrigins,
  salaryPeriods,
  workModes,
} from "@/lib/offers/constants";
import { isDepartementCode, normalizeDepartementCode } from "@/lib/offers/departements";
import { addDays, parisToday } from "@/lib/offers/expiry";
import { richTextBodySchema } from "./forum";
import { stripControlChars, visibleLine } from "./text";

/**
 * One schema for a job offer, shared by the form (server action), the JSON API and the seed.
 * Messages are i18n keys of the form `namespace.key` (one dot), which the API translates.
 */

const MAX_SALARY = 500_000;

/** A required line of text, control characters removed and trimmed. */
function textField(min: number, max: number, tooShort: string, tooLong: string) {
  return z
    .string({ error: tooShort })
    .transform(stripControlChars)
    .pipe(z.string().trim().min(min, tooShort).max(max, tooLong));
}

/** Empty form fields and JSON nulls both mean "not given". */
export function blankToNull(value: unknown): unknown {
  return value === "" || value === undefined ? null : value;
}

function isCalendarDate(value: string): boolean {
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** A calendar day, `YYYY-MM-DD`, that exists (no 30 February). */
export function isoDate(error: string) {
  return z.string({ error }).refine((value) => /^\d{4}-\d{2}-\d{2}$/.test(value) && isCalendarDate(value), error);
}

function optionalDate(error: string) {
  return z.preprocess(blankToNull, isoDate(error).nullable());
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === "http:" || url.protocol === "https:") && url.hostname.includes(".");
  } catch {
    return false;
  }
}

const EMAIL = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[a-z]{2,}$/i;

const salary = (error: string) =>
  z.preprocess(
    (value) =>
      typeof value === "string" && value.trim() !== "" ? Number(value.replace(/\s/g, "")) : blankToNull(value),
    z.number({ error }).int(error).min(1, error).max(MAX_SALARY, error).nullable(),
  );

/** An http(s) address; `javascript:` and friends never reach a link. */
export const httpUrl = (error: string) => z.string({ error }).trim().max(500, error).refine(isHttpUrl, error);

/** Partners may send plain text; the form sends the editor's document. Both end as a validated document. */
const descriptionSchema = z.preprocess(
  (value) => (typeof value === "string" ? documentFromText(stripControlChars(value)) : (value ?? documentFromText(""))),
  richTextBodySchema,
);

export const offerFieldsSchema = z.object({
  title: z
    .string({ error: "validation.titleTooShort" })
    .pipe(visibleLine("validation.titleInvisible"))
    .pipe(z.string().min(5, "validation.titleTooShort").max(150, "validation.titleTooLong")),
  organisation: textField(2, 120, "offers.organisationTooShort", "offers.organisationTooLong"),
  essFamily: z.enum(essFamilies, { error: "offers.essFamilyInvalid" }),
  contract: z.enum(offerContracts, { error: "offers.contractInvalid" }),
  city: textField(2, 80, "offers.cityTooShort", "offers.cityTooLong"),
  department: z
    .string({ error: "offers.departmentInvalid" })
    .transform(normalizeDepartementCode)
    .refine(isDepartementCode, "offers.departmentInvalid"),
  workMode: z.enum(workModes, { error: "offers.workModeInvalid" }),
  salaryMin: salary("offers.salaryInvalid"),
  salaryMax: salary("offers.salaryInvalid"),
  salaryPeriod: z
    .preprocess(blankToNull, z.enum(salaryPeriods, { error: "offers.salaryPeriodInvalid" }).nullable())
    .transform((value) => value ?? "year"),
  startDate: isoDate("offers.startDateInvalid"),
  deadline: optionalDate("offers.deadlineInvalid"),
  howToApply: z
    .string({ error: "offers.howToApplyInvalid" })
    .trim()
    .max(500, "offers.howToApplyInvalid")
    .refine((value) => EMAIL.test(value) || isHttpUrl(value), "offers.howToApplyInvalid"),
  sourceUrl: z.preprocess(blankToNull, httpUrl("offers.sourceUrlInvalid").nullable()),
  origin: z
    .preprocess(blankToNull, z.enum(offerOrigins, { error: "offers.originInvalid" }).nullable())
    .transform((value) => value ?? "employer"),
  description: descriptionSchema,
});

type OfferFields = z.output<typeof offerFieldsSchema>;

const isSalary = (value: unknown): value is number =>
  typeof value === "number" && Number.isInteger(value) && value >= 1 && value <= MAX_SALARY;
const isDate = (value: unknown): value is string =>
  typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value) && isCalendarDate(value);

/**
 * Rules across fields, and date bounds relative to today (in Paris). Zod runs this even when
 * a field failed, so each rule first checks its inputs are valid (one message per mistake).
 */
function checkOffer(offer: OfferFields, ctx: z.RefinementCtx, { isNew }: { isNew: boolean }) {
  if (isSalary(offer.salaryMin) && isSalary(offer.salaryMax) && offer.salaryMin > offer.salaryMax) {
    ctx.addIssue({ code: "custom", path: ["salaryMax"], message: "offers.salaryRange" });
  }
  if (offer.origin === "shared" && !offer.sourceUrl) {
    ctx.addIssue({ code: "custom", path: ["sourceUrl"], message: "offers.sourceUrlRequired" });
  }
  const today = parisToday();
  if (
    isDate(offer.startDate) &&
    (offer.startDate < addDays(today, -366) || offer.startDate > addDays(today, 2 * 366))
  ) {
    ctx.addIssue({ code: "custom", path: ["startDate"], message: "offers.startDateOutOfRange" });
  }
  if (isDate(offer.deadline)) {
    // A new offer cannot be born expired; an edit may keep a deadline that has passed.
    if (isNew && offer.deadline < today)
      ctx.addIssue({ code: "custom", path: ["deadline"], message: "offers.deadlinePast" });
    if (offer.deadline > addDays(today, 366))
      ctx.addIssue({ code: "custom", path: ["deadline"], message: "offers.deadlineTooFar" });
  }
}

const id = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);

export const createOfferSchema = offerFieldsSchema
  .extend({ idempotencyKey: z.uuid().optional() })
  .superRefine((offer, ctx) => checkOffer(offer, ctx, { isNew: true }));
export type CreateOfferInput = z.output<typeof createOfferSchema>;

export const updateOfferSchema = offerFieldsSchema
  .extend({ threadId: id, expectedVersion: z.number().int().positive().optional() })
  .superRefine((offer, ctx) => checkOffer(offer, ctx, { isNew: false }));
export type UpdateOfferInput = z.output<typeof updateOfferSchema>;

/** PUT /api/v1/job-offers/:id — the whole offer again, the id from the address. */
export const apiUpdateOfferSchema = offerFieldsSchema
  .extend({ id, expectedVersion: z.number().int().positive().optional() })
  .superRefine((offer, ctx) => checkOffer(offer, ctx, { isNew: false }));

export const offerStatusSchema = z.object({ threadId: id, filled: z.boolean() });

/** PATCH /api/v1/job-offers/:id — close ("filled") or reopen ("open"). */
export const apiOfferStatusSchema = z.object({
  id,
  status: z.enum(["open", "filled"], { error: "offers.statusInvalid" }),
});

/** Listing filters, as URL query parameters (page, feeds and API share the names). */
export const offerFiltersSchema = z.object({
  contract: z.enum(offerContracts, { error: "offers.contractInvalid" }).optional(),
  workMode: z.enum(workModes, { error: "offers.workModeInvalid" }).optional(),
  department: z
    .string()
    .transform(normalizeDepartementCode)
    .refine(isDepartementCode, "offers.departmentInvalid")
    .optional(),
  family: z.enum(essFamilies, { error: "offers.essFamilyInvalid" }).optional(),
  open: z
    .enum(["1", "0", "true", "false"], { error: "offers.openInvalid" })
    .transform((value) => value === "1" || value === "true")
    .optional(),
});
export type OfferFilters = z.output<typeof offerFiltersSchema>;

export const offerListQuerySchema = offerFiltersSchema.extend({
  after: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(50).optional(),
});

/**
 * Lenient reading of a shared link: an unknown value in one filter drops that filter only,
 * instead of answering an error page to someone who followed a link.
 */
export function parseOfferFilters(params: Record<string, string | string[] | undefined>): OfferFilters {
  const filters: Record<string, unknown> = {};
  for (const key of Object.keys(offerFiltersSchema.shape) as (keyof typeof offerFiltersSchema.shape)[]) {
    const raw = params[key];
    const value = Array.isArray(raw) ? raw[0] : raw;
    if (value === undefined || value === "") continue;
    const parsed = offerFiltersSchema.shape[key].safeParse(value);
    if (parsed.success && parsed.data !== undefined) filters[key] = parsed.data;
  }
  return filters as OfferFilters;
}

export const saveOfferSchema = z.object({ threadId: id });

export const updateApplicationSchema = z
  .object({
    id,
    status: z.enum(applicationStatuses, { error: "offers.statusInvalid" }),
    appliedOn: optionalDate("offers.dateInvalid"),
    interviewOn: optionalDate("offers.dateInvalid"),
    decidedOn: optionalDate("offers.dateInvalid"),
    note: z.preprocess(
      (value) => (value === undefined || value === null ? "" : value),
      z
        .string({ error: "offers.noteTooLong" })
        .transform(stripControlChars)
        .pipe(z.string().trim().max(2000, "offers.noteTooLong")),
    ),
  })
  // A reply or an interview cannot come before the application: say so instead of saving it.
  .superRefine((value, ctx) => {
    if (!value.appliedOn) return;
    if (value.interviewOn && value.interviewOn < value.appliedOn)
      ctx.addIssue({ code: "custom", path: ["interviewOn"], message: "offers.interviewBeforeApplied" });
    if (value.decidedOn && value.decidedOn < value.appliedOn)
      ctx.addIssue({ code: "custom", path: ["decidedOn"], message: "offers.decidedBeforeApplied" });
  });
export type UpdateApplicationInput = z.output<typeof updateApplicationSchema>;

export const applicationIdSchema = z.object({ id });

export const createApiTokenSchema = z.object({
  name: textField(2, 60, "offers.tokenNameInvalid", "offers.tokenNameInvalid"),
});

export const revokeApiTokenSchema = z.object({ id: z.uuid() });
