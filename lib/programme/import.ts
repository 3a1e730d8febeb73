import "server-only";
import type { DbOrTx } from "@/db";
import { applyTemplate, exportTemplate } from "./apply";
import { describeTemplateErrors, programmeTemplateSchema, type ProgrammeTemplate } from "./schema";

export type ImportResult = { ok: false; errors: string[] } | { ok: true; changes: string[]; isApplied: boolean };

const CHANNEL_FIELDS = ["kind", "name", "description", "rules", "visibility", "allowsQuestions", "position"] as const;

/** What applying `next` over `current` would change, one line each, in French for the admin. */
export function describeChanges(current: ProgrammeTemplate, next: ProgrammeTemplate): string[] {
  const changes: string[] = [];
  const existing = new Map(current.channels.map((channel) => [channel.slug, channel]));
  for (const channel of next.channels) {
    const before = existing.get(channel.slug);
    if (!before) {
      changes.push(`+ salon « ${channel.name.fr} » (${channel.slug}) créé`);
      continue;
    }
    const fields = CHANNEL_FIELDS.filter((field) => JSON.stringify(before[field]) !== JSON.stringify(channel[field]));
    if (fields.length) changes.push(`~ salon ${channel.slug} : ${fields.join(", ")}`);
  }
  const named = new Set(next.channels.map((channel) => channel.slug));
  for (const channel of current.channels) {
    if (!named.has(channel.slug))
      changes.push(`= salon ${channel.slug} absent du fichier : conservé (jamais supprimé)`);
  }
  if (JSON.stringify(current.admission) !== JSON.stringify(next.admission)) changes.push("~ questions d'admission");
  if (JSON.stringify(current.checkin) !== JSON.stringify(next.checkin))
    changes.push("~ point de la semaine (jour, questions)");
  return changes;
}

/**
 * Imports a template file's content: validated whole first (a broken file writes nothing and
 * gets one line per faulty field), then either described (dry run, the default) or applied in
 * one transaction.
 */
export async function importTemplate(db: DbOrTx, raw: unknown, { apply }: { apply: boolean }): Promise<ImportResult> {
  const parsed = programmeTemplateSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, errors: describeTemplateErrors(parsed.error) };
  const changes = describeChanges(await exportTemplate(db), parsed.data);
  if (apply) await db.transaction((tx) => applyTemplate(tx, parsed.data));
  return { ok: true, changes, isApplied: apply };
}
