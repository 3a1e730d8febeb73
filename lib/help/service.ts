import "server-only";
import { insertAudit } from "@/db/queries/audit";
import * as queries from "@/db/queries/help-pages";
import type { HelpPageRow, HelpPageSummary } from "@/db/queries/help-pages";
import type { ServiceContext } from "@/lib/context";
import type { HelpAudience } from "@/lib/domain/help";
import { AppError } from "@/lib/errors";
import { canEditHelp, canReadFacilitatorHelp, canReadHelp, canReadHelpPage } from "@/lib/permissions";
import type { CreateHelpPageInput, UpdateHelpPageInput } from "@/lib/validation/help";
import { helpContent } from "./content";

export type { HelpPageSummary };

/** What a reader gets of a page: its HTML was rendered (allow-listed, escaped) when it was written. */
export type HelpPageView = Pick<
  HelpPageRow,
  "id" | "slug" | "audience" | "title" | "bodyHtml" | "position" | "updatedAt"
> & { canEdit: boolean };

/** The index: members' pages for every member, the facilitators' for staff only. */
export type HelpIndex = {
  member: HelpPageSummary[];
  /** Null for anyone who may not read them (the section is not shown, not even empty). */
  facilitator: HelpPageSummary[] | null;
  canEdit: boolean;
};

export async function listHelpPages({ db, actor }: ServiceContext): Promise<HelpIndex> {
  if (!canReadHelp(actor)) throw new AppError("unauthenticated");
  const isStaff = canReadFacilitatorHelp(actor);
  const pages = await queries.listHelpPageSummaries(db, {
    audiences: isStaff ? ["member", "facilitator"] : ["member"],
  });
  return {
    member: pages.filter((page) => page.audience === "member"),
    facilitator: isStaff ? pages.filter((page) => page.audience === "facilitator") : null,
    canEdit: canEditHelp(actor),
  };
}

/**
 * One page for its reader. A facilitators' page is `not_found` to anyone else, exactly like a
 * page that does not exist; a members' page asks a visitor to sign in (`unauthenticated`).
 */
export async function readHelpPage({ db, actor }: ServiceContext, slug: string): Promise<HelpPageView> {
  const page = await queries.getHelpPageBySlug(db, { slug });
  if (!page || (page.audience === "facilitator" && !canReadFacilitatorHelp(actor))) throw new AppError("not_found");
  if (!canReadHelpPage(actor, page)) throw new AppError("unauthenticated");
  return {
    id: page.id,
    slug: page.slug,
    audience: page.audience,
    title: page.title,
    bodyHtml: page.bodyHtml,
    position: page.position,
    updatedAt: page.updatedAt,
    canEdit: canEditHelp(actor),
  };
}

/** The pages among these slugs that this reader may open (contextual "Aide" links elsewhere). */
export async function findReadableHelpPages(
  { db, actor }: ServiceContext,
  slugs: readonly string[],
): Promise<HelpPageSummary[]> {
  if (!canReadHelp(actor) || slugs.length === 0) return [];
  const audiences: HelpAudience[] = canReadFacilitatorHelp(actor) ? ["member", "facilitator"] : ["member"];
  const pages = await queries.listHelpPageSummaries(db, { audiences });
  return pages.filter((page) => slugs.includes(page.slug));
}

/** The facilitators' pages, for the moderation area (staff only: empty for anyone else). */
export async function listFacilitatorHelpPages({ db, actor }: ServiceContext): Promise<HelpPageSummary[]> {
  if (!canReadFacilitatorHelp(actor)) return [];
  return queries.listHelpPageSummaries(db, { audiences: ["facilitator"] });
}

/** A page with its document, for the edit form: admins only (`not_found` to anyone else). */
export async function getHelpPageForEdit({ db, actor }: ServiceContext, slug: string): Promise<HelpPageRow> {
  if (!canEditHelp(actor)) throw new AppError("not_found");
  const page = await queries.getHelpPageBySlug(db, { slug });
  if (!page) throw new AppError("not_found");
  return page;
}

const slugTaken = () => new AppError("conflict", "help.errors.slugTaken", { field: "slug" });

/** Writes a new page, audited. */
export async function createHelpPage({ db, actor }: ServiceContext, input: CreateHelpPageInput) {
  if (!canEditHelp(actor)) throw new AppError("not_found");
  return db.transaction(async (tx) => {
    const page = await queries.insertHelpPage(tx, {
      slug: input.slug,
      audience: input.audience,
      title: input.title,
      content: helpContent(input.body),
      position: input.position,
      updatedById: actor.id,
    });
    if (!page) throw slugTaken();
    await insertAudit(tx, {
      actorId: actor.id,
      action: "help.create",
      targetType: "help_page",
      targetId: page.id,
      details: { slug: page.slug, title: page.title, audience: page.audience },
    });
    return { slug: page.slug };
  });
}

/**
 * Rewrites a page (its slug stays: links rely on it), audited with what changed. Refused as a
 * conflict when someone saved it since the form was opened: their change is not overwritten.
 */
export async function updateHelpPage({ db, actor }: ServiceContext, input: UpdateHelpPageInput) {
  if (!canEditHelp(actor)) throw new AppError("not_found");
  return db.transaction(async (tx) => {
    const current = await queries.getHelpPageById(tx, { id: input.id });
    if (!current) throw new AppError("not_found");
    if (current.updatedAt.getTime() !== new Date(input.expectedUpdatedAt).getTime()) {
      throw new AppError("conflict", "help.errors.conflict");
    }
    const content = helpContent(input.body);
    const page = await queries.updateHelpPage(tx, {
      id: current.id,
      slug: current.slug,
      audience: input.audience,
      title: input.title,
      content,
      position: input.position,
      updatedById: actor.id,
    });
    if (!page) throw new AppError("not_found");
    const changed = [
      current.title !== page.title && "title",
      current.audience !== page.audience && "audience",
      current.position !== page.position && "position",
      current.bodyHtml !== page.bodyHtml && "body",
    ].filter(Boolean);
    await insertAudit(tx, {
      actorId: actor.id,
      action: "help.update",
      targetType: "help_page",
      targetId: page.id,
      details: { slug: page.slug, title: page.title, audience: page.audience, changed },
    });
    return { slug: page.slug };
  });
}

/** Deletes a page for good, audited (its title and text stay in the audit entry). */
export async function deleteHelpPage({ db, actor }: ServiceContext, { id }: { id: number }) {
  if (!canEditHelp(actor)) throw new AppError("not_found");
  return db.transaction(async (tx) => {
    const page = await queries.deleteHelpPage(tx, { id });
    if (!page) throw new AppError("not_found");
    await insertAudit(tx, {
      actorId: actor.id,
      action: "help.delete",
      targetType: "help_page",
      targetId: page.id,
      details: { slug: page.slug, title: page.title, audience: page.audience, text: page.bodyText },
    });
    return { slug: page.slug };
  });
}

/**
 * Puts the pages of one audience in the given order (positions 10, 20, 30…), audited. The list
 * must name each of them once: a page added or removed meanwhile makes it a conflict.
 */
export async function reorderHelpPages(
  { db, actor }: ServiceContext,
  { audience, ids }: { audience: HelpAudience; ids: number[] },
) {
  if (!canEditHelp(actor)) throw new AppError("not_found");
  return db.transaction(async (tx) => {
    const pages = await queries.listHelpPageSummaries(tx, { audiences: [audience] });
    const known = new Set(pages.map((page) => page.id));
    if (new Set(ids).size !== ids.length || ids.length !== known.size || ids.some((id) => !known.has(id))) {
      throw new AppError("conflict", "help.errors.reorderConflict");
    }
    const order = ids.map((id, index) => ({ id, position: (index + 1) * 10 }));
    await queries.setHelpPagePositions(tx, { audience, order, updatedById: actor.id });
    await insertAudit(tx, {
      actorId: actor.id,
      action: "help.reorder",
      targetType: "help_page",
      targetId: ids[0]!,
      details: { audience, slugs: ids.map((id) => pages.find((page) => page.id === id)!.slug) },
    });
  });
}
