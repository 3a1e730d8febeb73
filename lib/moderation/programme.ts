import "server-only";
import { z } from "zod";
import { insertAudit } from "@/db/queries/audit";
import type { ServiceContext } from "@/lib/context";
import { AppError } from "@/lib/errors";
import type { Locale } from "@/lib/i18n/config";
import { canManageProgramme } from "@/lib/permissions";
import { exportTemplate } from "@/lib/programme/apply";
import { importTemplate } from "@/lib/programme/import";
import { programmeTemplateSchema } from "@/lib/programme/schema";
import { isPreviewValid, signPreview } from "./programme-token";

/**
 * The programme (channels, admission questions, weekly check-in) exported and imported from
 * the admin settings page, over lib/programme's template format. An import is a dry run first:
 * the admin sees what would change, then applies exactly that file (lib/moderation/programme-token).
 */

/** One problem of a refused file: the field's path (`channels.2.visibility`, "" for the whole file) and why. */
export type ProgrammeFileError = { path: string; message: string };

export type ProgrammePreview =
  { ok: false; errors: ProgrammeFileError[] } | { ok: true; changes: string[]; content: string; token: string };

export type ProgrammeApplied = { ok: false; errors: ProgrammeFileError[] } | { ok: true; changes: string[] };

function requireAdmin(actor: ServiceContext["actor"]): string {
  // Not an admin: the feature does not exist for them (404, like the rest of the admin pages).
  if (!canManageProgramme(actor)) throw new AppError("not_found");
  return actor!.id;
}

/** The programme as a downloadable template file, named after today's date in Paris. */
export async function exportProgramme({ db, actor }: ServiceContext): Promise<{ filename: string; body: string }> {
  requireAdmin(actor);
  const template = await exportTemplate(db);
  const day = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris" }).format(new Date());
  return { filename: `programme-${day}.json`, body: `${JSON.stringify(template, null, 2)}\n` };
}

/**
 * Line breaks as LF: a browser sends the previewed text back with CRLF (form data normalizes
 * them), and the token must match either way. Outside strings JSON takes any whitespace, and a
 * raw line break inside a JSON string is invalid anyway, so the file means the same.
 */
function normalizeLineBreaks(content: string): string {
  return content.replace(/\r\n?/g, "\n");
}

/** The file's JSON, or a field error on the file input (nothing else can be said about it). */
function parseFile(content: string): unknown {
  try {
    return JSON.parse(content.replace(/^\uFEFF/, "")) as unknown;
  } catch {
    throw new AppError("bad_request", "programmeAdmin.notJson", { field: "file" });
  }
}

/**
 * The problems of a refused file in the admin's language. lib/programme says which fields are
 * wrong (in English); the same schema, read again with zod's French or English messages, says
 * it in the admin's words. Should the two ever disagree, lib/programme's lines are shown.
 */
function localizedErrors(raw: unknown, lines: string[], locale: Locale): ProgrammeFileError[] {
  const localeError = (locale === "en" ? z.locales.en() : z.locales.fr()).localeError;
  const parsed = programmeTemplateSchema.safeParse(raw, { error: localeError });
  if (!parsed.success) {
    return parsed.error.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message }));
  }
  return lines.map((line) => {
    const at = line.indexOf(": ");
    const path = at < 0 ? "" : line.slice(0, at);
    return { path: path === "(file)" ? "" : path, message: at < 0 ? line : line.slice(at + 2) };
  });
}

/** The dry run: nothing is written; a valid file comes back with its changes and a signed token. */
export async function previewProgrammeImport(
  { db, actor }: ServiceContext,
  { content: sent, locale }: { content: string; locale: Locale },
): Promise<ProgrammePreview> {
  const actorId = requireAdmin(actor);
  const content = normalizeLineBreaks(sent);
  const raw = parseFile(content);
  const result = await importTemplate(db, raw, { apply: false });
  if (!result.ok) return { ok: false, errors: localizedErrors(raw, result.errors, locale) };
  return { ok: true, changes: result.changes, content, token: signPreview(actorId, content) };
}

/**
 * Applies a previewed file: the token must match this admin and this exact content, and the
 * file is validated again. The import and its audit entry commit together.
 */
export async function applyProgrammeImport(
  { db, actor }: ServiceContext,
  { content: sent, token, locale }: { content: string; token: string; locale: Locale },
): Promise<ProgrammeApplied> {
  const actorId = requireAdmin(actor);
  const content = normalizeLineBreaks(sent);
  if (!isPreviewValid(token, actorId, content)) throw new AppError("bad_request", "programmeAdmin.expired");
  const raw = parseFile(content);
  return db.transaction(async (tx) => {
    const result = await importTemplate(tx, raw, { apply: true });
    if (!result.ok) return { ok: false as const, errors: localizedErrors(raw, result.errors, locale) };
    await insertAudit(tx, {
      actorId,
      action: "programme.import",
      targetType: "settings",
      targetId: "programme",
      details: { changes: result.changes.slice(0, 100) },
    });
    return { ok: true as const, changes: result.changes };
  });
}
