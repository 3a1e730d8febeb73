import "server-only";
import type { DbOrTx } from "@/db";
import { applyTemplate, exportTemplate, listArchivedChannelSlugs } from "./apply";
import {
  describeTemplateErrors,
  PROGRAMME_SECTIONS,
  programmeTemplateSchema,
  type ProgrammeSectionName,
  type ProgrammeTemplate,
} from "./schema";
import { forgetProgrammeSections } from "./current";

export type ImportResult = { ok: false; errors: string[] } | { ok: true; changes: string[]; isApplied: boolean };

const CHANNEL_FIELDS = ["kind", "name", "description", "rules", "visibility", "allowsQuestions", "position"] as const;

/** How the dry run names each version-2 section, for the admin. */
const SECTION_LABELS: Record<ProgrammeSectionName, string> = {
  rubrics: "grilles de relecture",
  welcome: "message de bienvenue du binôme",
  onboarding: "étapes des premiers pas",
  activities: "formats d'activités",
  outcomes: "types de sorties et règle de sortie positive",
  survey: "questions de l'enquête à six mois",
  emails: "textes des e-mails de la communauté",
};

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The parts of a section that differ, e.g. `cv, pitch` for rubrics or `steps` for onboarding. */
function changedParts(before: Record<string, unknown>, after: Record<string, unknown>): string[] {
  return Object.keys({ ...before, ...after }).filter((key) => !same(before[key], after[key]));
}

/**
 * What applying `next` over `current` would change, one line each, in French for the admin.
 * `archived`: the slugs of the channels archived today (a file naming one restores it).
 */
export function describeChanges(
  current: ProgrammeTemplate,
  next: ProgrammeTemplate,
  { archived = [] }: { archived?: string[] } = {},
): string[] {
  const changes: string[] = [];
  const existing = new Map(current.channels.map((channel) => [channel.slug, channel]));
  const archivedSlugs = new Set(archived);
  for (const channel of next.channels) {
    const before = existing.get(channel.slug);
    if (archivedSlugs.has(channel.slug)) {
      changes.push(`+ salon ${channel.slug} restauré (il était archivé)`);
      continue;
    }
    if (!before) {
      changes.push(`+ salon « ${channel.name.fr} » (${channel.slug}) créé`);
      continue;
    }
    const fields = CHANNEL_FIELDS.filter((field) => !same(before[field], channel[field]));
    if (fields.length) changes.push(`~ salon ${channel.slug} : ${fields.join(", ")}`);
  }
  const named = new Set(next.channels.map((channel) => channel.slug));
  for (const channel of current.channels) {
    if (!named.has(channel.slug))
      changes.push(
        `- salon ${channel.slug} absent du fichier : archivé (ses fils restent lisibles, rien n'est supprimé)`,
      );
  }
  if (!same(current.admission, next.admission)) changes.push("~ questions d'admission");
  if (!same(current.checkin, next.checkin)) changes.push("~ point de la semaine (jour, questions)");
  for (const name of PROGRAMME_SECTIONS) {
    const label = SECTION_LABELS[name];
    const after = next[name];
    if (!after) {
      changes.push(`= ${label} : absent du fichier (version ${next.version}), inchangé`);
      continue;
    }
    const parts = changedParts(current[name] as Record<string, unknown>, after as Record<string, unknown>);
    if (parts.length) changes.push(`~ ${label} : ${parts.join(", ")}`);
  }
  if (!next.help) {
    if (current.help) changes.push("= pages d'aide : absentes du fichier, inchangées");
  } else {
    const before = new Map((current.help ?? []).map((page) => [page.slug, page]));
    for (const page of next.help) {
      const existing = before.get(page.slug);
      if (!existing) changes.push(`+ page d'aide « ${page.title} » (${page.slug}) créée`);
      else if (!same(existing, page)) changes.push(`~ page d'aide ${page.slug}`);
    }
  }
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
  const [current, archived] = await Promise.all([exportTemplate(db), listArchivedChannelSlugs(db)]);
  const changes = describeChanges(current, parsed.data, { archived });
  if (apply) {
    await db.transaction((tx) => applyTemplate(tx, parsed.data));
    // This process's pages and e-mails see the new texts at once (others within the cache's TTL).
    forgetProgrammeSections();
  }
  return { ok: true, changes, isApplied: apply };
}
