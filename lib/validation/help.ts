import "server-only";
import { z } from "zod";
import { HELP_LIMITS, HELP_SLUG_PATTERN, helpAudiences, RESERVED_HELP_SLUGS } from "@/lib/domain/help";
import { DOC_LIMITS } from "@/lib/editor/document";
import { documentText } from "@/lib/editor/render";
import { validateDocument } from "@/lib/editor/validate";
import { hasMention, usesPlaceholderOrigin, withAppLinks, withPlaceholderLinks } from "@/lib/help/content";
import { cleanString, visibleLine } from "./text";

/**
 * A help page's body: the posts' rich text (lib/editor: allow-list, editor schema, limits), plus
 * links to pages of the app (lib/help/content.ts); no mention (a help page is for everyone, and
 * templates travel between communities). Takes the editor's document or its JSON text (a form).
 */
export const helpBodySchema = z.unknown().transform((input, ctx) => {
  const fail = (message: string) => {
    ctx.addIssue({ code: "custom", message });
    return z.NEVER;
  };
  let value = input;
  if (typeof input === "string") {
    if (input.length > DOC_LIMITS.maxBytes) return fail("editor.tooLong");
    try {
      value = JSON.parse(input);
    } catch {
      return fail("editor.invalid");
    }
  }
  if (usesPlaceholderOrigin(value)) return fail("editor.linkNotAllowed");
  const result = validateDocument(withPlaceholderLinks(value));
  if (!result.ok) return fail(result.error);
  const doc = withAppLinks(result.doc);
  if (hasMention(doc)) return fail("help.errors.noMentions");
  if (!documentText(doc).trim()) return fail("editor.empty");
  return doc;
});

export const helpSlugSchema = cleanString()
  .pipe(z.string().trim().toLowerCase())
  .pipe(
    z
      .string()
      .regex(HELP_SLUG_PATTERN, "help.errors.slugInvalid")
      .refine((slug) => !RESERVED_HELP_SLUGS.has(slug), "help.errors.slugReserved"),
  );

const helpPageFieldsSchema = z.object({
  title: visibleLine("help.errors.titleRequired").pipe(
    z
      .string()
      .min(HELP_LIMITS.titleMin, "help.errors.titleTooShort")
      .max(HELP_LIMITS.titleMax, "help.errors.titleTooLong"),
  ),
  audience: z.enum(helpAudiences, { error: "help.errors.audienceInvalid" }),
  position: z
    .string()
    .trim()
    .regex(/^\d{1,4}$/, "help.errors.positionInvalid")
    .transform(Number)
    .pipe(z.number().int().min(0).max(HELP_LIMITS.positionMax, "help.errors.positionInvalid")),
  body: helpBodySchema,
});

/** The new-page form (a FormData: the body comes as the editor's JSON text). */
export const createHelpPageSchema = helpPageFieldsSchema.extend({ slug: helpSlugSchema });

/** The edit form: the page by its id, and when it was read (a change made meanwhile is not overwritten). */
export const updateHelpPageSchema = helpPageFieldsSchema.extend({
  id: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER),
  expectedUpdatedAt: z.iso.datetime(),
});

export const deleteHelpPageSchema = z.object({ id: z.number().int().positive().max(Number.MAX_SAFE_INTEGER) });

/** The pages of one audience in their new order (every one of them, once). */
export const reorderHelpPagesSchema = z.object({
  audience: z.enum(helpAudiences),
  ids: z.array(z.number().int().positive().max(Number.MAX_SAFE_INTEGER)).min(1).max(HELP_LIMITS.pagesMax),
});

export type CreateHelpPageInput = z.output<typeof createHelpPageSchema>;
export type UpdateHelpPageInput = z.output<typeof updateHelpPageSchema>;
