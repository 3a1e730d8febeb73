import { z } from "zod";

/**
 * A programme template (version 1): what a community starts with — channels, admission
 * questions, the weekly check-in. Documented in lib/programme/README.md; the files in
 * ./templates are validated by this schema in tests. Errors name the field path
 * (`channels.2.slug`), see `describeTemplateErrors`.
 */
const line = (max: number) => z.string().trim().min(1).max(max);

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

export const programmeTemplateSchema = z.object({
  format: z.literal("propulse-programme"),
  version: z.literal(1),
  id: z.string().regex(/^[a-z0-9-]{2,40}$/),
  name: line(80),
  description: z.string().max(500),
  channels: z
    .array(programmeChannelSchema)
    .min(1)
    .refine((list) => new Set(list.map((c) => c.slug)).size === list.length, "duplicate channel slug"),
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
});
export type ProgrammeTemplate = z.infer<typeof programmeTemplateSchema>;

/** One line per problem, each starting with the path of the field: `channels.2.slug: …`. */
export function describeTemplateErrors(error: z.ZodError): string[] {
  return error.issues.map((issue) => `${issue.path.join(".") || "(file)"}: ${issue.message}`);
}
