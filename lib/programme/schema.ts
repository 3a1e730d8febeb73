import { z } from "zod";
import { helpPagesTemplateSchema } from "@/lib/help/template";
import { outcomeKinds } from "@/lib/domain/outcomes";
import { activityKinds } from "@/lib/domain/rhythm";

/**
 * A programme template (version 2; version 1 files are still read): what a community starts
 * with — channels, admission questions, the weekly check-in, and (version 2) review rubrics, the
 * buddy's welcome message, onboarding steps, activity formats, outcome kinds and the
 * positive-exit rule, the six-month survey's questions and the community e-mails. Documented in
 * lib/programme/README.md; the files in ./templates are validated by this schema in tests.
 * Errors name the field path (`rubrics.cv.1.label.en`), see `describeTemplateErrors`.
 */
const line = (max: number) => z.string().trim().min(1).max(max);

/**
 * A text in the messages' ICU syntax: only the `allowed` placeholders (`{name}`), so a typo like
 * `{nmae}` is refused at import instead of breaking a page or an e-mail later.
 */
const icuText = (max: number, allowed: readonly string[] = []) =>
  line(max).superRefine((value, ctx) => {
    for (const [, name] of value.matchAll(/\{\s*([^{},\s]*)\s*[,}]/g)) {
      if (!allowed.includes(name ?? ""))
        ctx.addIssue({
          code: "custom",
          message: allowed.length
            ? `unknown placeholder {${name}} (allowed: ${allowed.map((one) => `{${one}}`).join(", ")})`
            : `no placeholder allowed here, found {${name}}`,
        });
    }
  });

/** The same text in French (the community's language) and English. */
const bilingual = (max: number, allowed: readonly string[] = []) =>
  z.object({ fr: icuText(max, allowed), en: icuText(max, allowed) });
/** Same, where an empty text means "none". */
const optionalBilingual = (max: number) => z.object({ fr: z.string().trim().max(max), en: z.string().trim().max(max) });

function unique<T>(key: (item: T) => string, what: string) {
  return (list: T[], ctx: z.RefinementCtx) => {
    const seen = new Set<string>();
    list.forEach((item, index) => {
      if (seen.has(key(item)))
        ctx.addIssue({ code: "custom", path: [index], message: `duplicate ${what} "${key(item)}"` });
      seen.add(key(item));
    });
  };
}

export const programmeChannelSchema = z.object({
  /** Stable: code and links rely on it; an existing channel with this slug is updated. */
  slug: z.string().regex(/^[a-z0-9-]{2,40}$/),
  kind: z.enum(["discussion", "offers", "review", "pitch"]),
  name: z.object({ fr: line(80), en: line(80) }),
  description: z.string().max(500),
  rules: z.string().max(1000),
  visibility: z.enum(["public", "members", "staff"]),
  allowsQuestions: z.boolean().default(false),
  position: z.number().int().min(0).max(1000),
});

const criterionSchema = z.object({
  /** Stable: scores are stored under it. */
  id: z.string().regex(/^[a-z][a-zA-Z0-9]{1,30}$/, "lowercase letters and digits, camelCase, 2 to 31 characters"),
  label: bilingual(80),
  hint: optionalBilingual(300),
});
const rubricSchema = z
  .array(criterionSchema)
  .min(1)
  .max(8)
  .superRefine(unique((c) => c.id, "criterion"));

export const onboardingStepIds = ["profile", "introduce", "checkin", "review", "activity"] as const;
export const communityEmailKinds = [
  "admissionApproved",
  "admissionRefused",
  "proApproved",
  "proRefused",
  "suspended",
] as const;
/** What each community e-mail's body may say: the member's name, the team's message, the site's address, the end of a suspension. */
const emailSchema = z.object({
  subject: bilingual(150),
  body: bilingual(3000, ["name", "message", "url", "until"]),
});

export const programmeSectionsSchema = z.object({
  rubrics: z.object({ cv: rubricSchema, letter: rubricSchema, pitch: rubricSchema }).optional(),
  welcome: z.object({ buddyMessage: bilingual(1000, ["newcomer", "buddy"]) }).optional(),
  onboarding: z
    .object({
      steps: z
        .array(z.object({ id: z.enum(onboardingStepIds), label: bilingual(120), hint: bilingual(300) }))
        .min(1)
        .max(onboardingStepIds.length)
        .superRefine(unique((step) => step.id, "step")),
    })
    .optional(),
  activities: z
    .object({
      formats: z
        .array(z.object({ kind: z.enum(activityKinds), name: bilingual(60) }))
        .min(1)
        .max(activityKinds.length)
        .superRefine(unique((format) => format.kind, "format")),
    })
    .optional(),
  outcomes: z
    .object({
      kinds: z
        .array(z.object({ kind: z.enum(outcomeKinds), label: bilingual(80), positive: z.boolean() }))
        .superRefine(unique((item) => item.kind, "outcome kind"))
        .superRefine((list, ctx) => {
          const missing = outcomeKinds.filter((kind) => !list.some((item) => item.kind === kind));
          if (missing.length)
            ctx.addIssue({ code: "custom", message: `every outcome kind is needed, missing: ${missing.join(", ")}` });
          if (!list.some((item) => item.positive))
            ctx.addIssue({ code: "custom", message: "at least one kind must count as a positive exit" });
        }),
    })
    .optional(),
  survey: z
    .object({
      intro: bilingual(600),
      situation: bilingual(200),
      satisfaction: bilingual(200),
      helped: bilingual(200),
      comment: bilingual(200),
    })
    .optional(),
  emails: z
    .object(
      Object.fromEntries(communityEmailKinds.map((kind) => [kind, emailSchema])) as Record<
        (typeof communityEmailKinds)[number],
        typeof emailSchema
      >,
    )
    .optional(),
});
export type ProgrammeSections = z.infer<typeof programmeSectionsSchema>;
export const PROGRAMME_SECTIONS = [
  "rubrics",
  "welcome",
  "onboarding",
  "activities",
  "outcomes",
  "survey",
  "emails",
] as const satisfies readonly (keyof ProgrammeSections)[];
export type ProgrammeSectionName = (typeof PROGRAMME_SECTIONS)[number];

export const programmeTemplateSchema = z
  .object({
    format: z.literal("propulse-programme"),
    /** 1: channels, admission and check-in only (the other sections are left as they are). */
    version: z.union([z.literal(1), z.literal(2)]),
    id: z.string().regex(/^[a-z0-9-]{2,40}$/),
    name: line(80),
    description: z.string().max(500),
    channels: z
      .array(programmeChannelSchema)
      .min(1)
      .superRefine(unique((c) => c.slug, "channel slug")),
    admission: z.object({ questions: z.array(line(300)).max(8) }),
    checkin: z.object({
      day: z.number().int().min(1).max(7),
      questions: z.object({
        goals: line(200),
        review: line(200),
        goodNews: line(200),
        difficulty: line(200),
        help: line(200),
      }),
    }),
  })
  .extend(programmeSectionsSchema.shape)
  .extend({
    /** The in-app help pages (`/aide`), upserted by slug, never deleted (lib/help/template.ts). */
    help: helpPagesTemplateSchema.optional(),
  });
export type ProgrammeTemplate = z.infer<typeof programmeTemplateSchema>;

/** One line per problem, each starting with the path of the field: `channels.2.slug: …`. */
export function describeTemplateErrors(error: z.ZodError): string[] {
  return error.issues.map((issue) => `${issue.path.join(".") || "(file)"}: ${issue.message}`);
}
