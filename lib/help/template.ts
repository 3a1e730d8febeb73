import { z } from "zod";
import type { DbOrTx } from "@/db/client";
import { getHelpPageBySlug, insertHelpPage, listAllHelpPages, updateHelpPage } from "@/db/queries/help-pages";
import { HELP_LIMITS, HELP_SLUG_PATTERN, helpAudiences, RESERVED_HELP_SLUGS } from "@/lib/domain/help";
import { parseDocument } from "@/lib/editor/document";
import { visibleLine } from "@/lib/validation/text";
import { helpBodyDocument, helpBodyText, invalidLinkTargets } from "./body-text";
import { helpContent, withAppLinks, withPlaceholderLinks } from "./content";
import entraide from "@/lib/programme/templates/entraide.json";
import propulse from "@/lib/programme/templates/propulse.json";

/**
 * The help pages as a programme template carries them: a JSON array of pages, each
 * `{ slug, audience, title, body, position }`, the body in the plain text format of
 * ./body-text.ts (blank line between paragraphs, "- " list items, `[words](/path)` links).
 * Errors name the field path (`3.slug`), see `describeHelpPagesErrors`.
 */
export const helpPageTemplateSchema = z.object({
  /** Stable: `/aide/<slug>`; an existing page with this slug is updated. */
  slug: z
    .string()
    .regex(
      HELP_SLUG_PATTERN,
      "lower-case letters, digits and hyphens (1 to 60, no hyphen at either end), e.g. poster-mon-cv",
    )
    .refine((slug) => !RESERVED_HELP_SLUGS.has(slug), "this address is reserved"),
  audience: z.enum(helpAudiences),
  title: visibleLine("the title is empty").pipe(z.string().min(HELP_LIMITS.titleMin).max(HELP_LIMITS.titleMax)),
  body: z
    .string()
    .max(20_000)
    .refine((body) => body.trim().length > 0, "the body is empty")
    .superRefine((body, ctx) => {
      for (const target of invalidLinkTargets(body)) {
        ctx.addIssue({ code: "custom", message: `a link leads to a page of the app (/…), not "${target}"` });
      }
      // The document the text makes must pass the posts' allow-list and limits.
      if (!parseDocument(withPlaceholderLinks(helpBodyDocument(body))).ok) {
        ctx.addIssue({ code: "custom", message: "the body is too long or too deeply nested" });
      }
    }),
  // A refinement rather than `.int()`, which would stop the file's other checks (duplicates).
  position: z.number().refine(Number.isInteger, "a whole number").pipe(z.number().min(0).max(HELP_LIMITS.positionMax)),
});

export const helpPagesTemplateSchema = z
  .array(helpPageTemplateSchema)
  .max(HELP_LIMITS.pagesMax)
  .superRefine(
    (pages, ctx) => {
      if (!Array.isArray(pages)) return;
      const seen = new Set<string>();
      pages.forEach((page, index) => {
        // Also when other fields are wrong (`when` below): every problem of the file at once.
        const slug = (page as { slug?: unknown } | null)?.slug;
        if (typeof slug !== "string") return;
        if (seen.has(slug)) ctx.addIssue({ code: "custom", path: [index, "slug"], message: "duplicate slug" });
        seen.add(slug);
      });
    },
    { when: () => true },
  );

export type HelpPageTemplate = z.infer<typeof helpPageTemplateSchema>;
export type HelpPagesTemplate = z.infer<typeof helpPagesTemplateSchema>;

/** One line per problem, each starting with the path of the field: `3.slug: …`. */
export function describeHelpPagesErrors(error: z.ZodError): string[] {
  return error.issues.map((issue) => `${issue.path.join(".") || "(file)"}: ${issue.message}`);
}

/** The sets shipped in the programme templates: Pro'pulse's, and a shorter generic one for other communities. */
export const BUILT_IN_HELP_PAGES = { propulse: propulse.help, entraide: entraide.help } as const;

/** The built-in set for a programme template: Pro'pulse's for `propulse`, the generic one otherwise. */
export function builtInHelpPages(templateId: string): HelpPagesTemplate {
  return helpPagesTemplateSchema.parse(templateId === "propulse" ? propulse.help : entraide.help);
}

/** The help pages of `db` in the template format: what `applyHelpPages` needs to rebuild them. */
export async function exportHelpPages(db: DbOrTx): Promise<HelpPagesTemplate> {
  const rows = await listAllHelpPages(db);
  return helpPagesTemplateSchema.parse(
    rows.map((row) => ({
      slug: row.slug,
      audience: row.audience,
      title: row.title,
      body: helpBodyText(row.body),
      position: row.position,
    })),
  );
}

export type ApplyHelpPagesResult = { created: string[]; updated: string[]; unchanged: string[] };

/**
 * Writes template pages into `db` (call it inside a transaction: all or nothing): each page by
 * its slug, created or updated; pages the template does not name are kept, never deleted. A
 * page whose text, title, audience and position already match is left as it is (its date and
 * author stay). Validates the pages first: a broken list changes nothing.
 */
export async function applyHelpPages(db: DbOrTx, pages: HelpPagesTemplate): Promise<ApplyHelpPagesResult> {
  const valid = helpPagesTemplateSchema.parse(pages);
  const result: ApplyHelpPagesResult = { created: [], updated: [], unchanged: [] };
  for (const page of valid) {
    const parsed = parseDocument(withPlaceholderLinks(helpBodyDocument(page.body)));
    if (!parsed.ok) throw new Error(`help page ${page.slug}: ${parsed.error}`);
    const content = helpContent(withAppLinks(parsed.doc));
    const fields = { ...page, content, updatedById: null };
    const existing = await getHelpPageBySlug(db, { slug: page.slug });
    if (!existing) {
      await insertHelpPage(db, fields);
      result.created.push(page.slug);
    } else if (
      existing.title === page.title &&
      existing.audience === page.audience &&
      existing.position === page.position &&
      existing.bodyHtml === content.html
    ) {
      result.unchanged.push(page.slug);
    } else {
      await updateHelpPage(db, { id: existing.id, ...fields });
      result.updated.push(page.slug);
    }
  }
  return result;
}
