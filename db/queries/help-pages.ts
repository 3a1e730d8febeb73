import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { HelpAudience } from "@/lib/domain/help";
import type { RichTextDocument } from "@/lib/domain/rich-text";
import type { DbOrTx } from "../client";
import { helpPages, type HelpPageRow } from "../schema";

export type { HelpPageRow };

/** What a help page stores about its body: the document and what derives from it (lib/help/content.ts). */
export type HelpPageContent = { body: RichTextDocument; html: string; text: string };

export type HelpPageFields = {
  slug: string;
  audience: HelpAudience;
  title: string;
  content: HelpPageContent;
  position: number;
  /** The admin who writes it; null for a template (seed, setup wizard, import). */
  updatedById: string | null;
};

/** A page in a list: what the index shows, without the body. */
export type HelpPageSummary = Pick<HelpPageRow, "id" | "slug" | "audience" | "title" | "position" | "updatedAt">;

function columnsOf(fields: HelpPageFields) {
  return {
    slug: fields.slug,
    audience: fields.audience,
    title: fields.title,
    body: fields.content.body,
    bodyHtml: fields.content.html,
    bodyText: fields.content.text,
    position: fields.position,
    updatedById: fields.updatedById,
    updatedAt: new Date(),
  };
}

const summaryColumns = {
  id: helpPages.id,
  slug: helpPages.slug,
  audience: helpPages.audience,
  title: helpPages.title,
  position: helpPages.position,
  updatedAt: helpPages.updatedAt,
};

/** The pages written for these audiences, in their order (position, then creation). */
export async function listHelpPageSummaries(
  db: DbOrTx,
  { audiences }: { audiences: readonly HelpAudience[] },
): Promise<HelpPageSummary[]> {
  if (audiences.length === 0) return [];
  return db
    .select(summaryColumns)
    .from(helpPages)
    .where(inArray(helpPages.audience, [...audiences]))
    .orderBy(asc(helpPages.position), asc(helpPages.id));
}

/** Every page with its body, members' pages first: what a template export writes. */
export async function listAllHelpPages(db: DbOrTx): Promise<HelpPageRow[]> {
  return db
    .select()
    .from(helpPages)
    .orderBy(sql`${helpPages.audience} = 'facilitator'`, asc(helpPages.position), asc(helpPages.id));
}

export async function getHelpPageBySlug(db: DbOrTx, { slug }: { slug: string }): Promise<HelpPageRow | null> {
  const [row] = await db.select().from(helpPages).where(eq(helpPages.slug, slug));
  return row ?? null;
}

export async function getHelpPageById(db: DbOrTx, { id }: { id: number }): Promise<HelpPageRow | null> {
  const [row] = await db.select().from(helpPages).where(eq(helpPages.id, id));
  return row ?? null;
}

/** Inserts a page; null when its slug is taken. */
export async function insertHelpPage(db: DbOrTx, fields: HelpPageFields): Promise<HelpPageRow | null> {
  const [row] = await db.insert(helpPages).values(columnsOf(fields)).onConflictDoNothing().returning();
  return row ?? null;
}

/**
 * Rewrites the page that has this id; null when it is gone. A new slug that another page already
 * has fails on the unique index (the service checks first, under the same transaction).
 */
export async function updateHelpPage(db: DbOrTx, { id, ...fields }: HelpPageFields & { id: number }) {
  const [row] = await db.update(helpPages).set(columnsOf(fields)).where(eq(helpPages.id, id)).returning();
  return row ?? null;
}

export async function deleteHelpPage(db: DbOrTx, { id }: { id: number }): Promise<HelpPageRow | null> {
  const [row] = await db.delete(helpPages).where(eq(helpPages.id, id)).returning();
  return row ?? null;
}

/** Gives each listed page its position (the pages of one audience, reordered by an admin). */
export async function setHelpPagePositions(
  db: DbOrTx,
  {
    audience,
    order,
    updatedById,
  }: { audience: HelpAudience; order: { id: number; position: number }[]; updatedById: string },
): Promise<void> {
  for (const { id, position } of order) {
    await db
      .update(helpPages)
      .set({ position, updatedAt: new Date(), updatedById })
      .where(and(eq(helpPages.id, id), eq(helpPages.audience, audience), sql`${helpPages.position} <> ${position}`));
  }
}
