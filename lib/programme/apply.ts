import "server-only";
import { archiveChannelsNotIn, listChannels, upsertChannelFromTemplate } from "@/db/queries/channels";
import { getSettings, setSetting } from "@/db/queries/settings";
import type { DbOrTx } from "@/db";
import { questionId } from "@/lib/admission/service";
import { ADMISSION_QUESTIONS_KEY } from "@/lib/admission/settings";
import { getCheckinSettings, saveCheckinSettings } from "@/lib/rhythm/config";
import type { IsoWeekday } from "@/lib/domain/rhythm";
import entraide from "./templates/entraide.json";
import propulse from "./templates/propulse.json";
import { programmeTemplateSchema, type ProgrammeTemplate } from "./schema";
import { applyHelpPages, exportHelpPages } from "@/lib/help/template";
import { readSections, writeSections } from "./sections";

/** The templates shipped with the app, offered by the setup wizard. */
export const BUILT_IN_TEMPLATES = { propulse, entraide } as const;
export type BuiltInTemplateId = keyof typeof BUILT_IN_TEMPLATES;

/** The version `exportTemplate` writes. */
export const TEMPLATE_VERSION = 2;

export function builtInTemplate(id: BuiltInTemplateId): ProgrammeTemplate {
  return programmeTemplateSchema.parse(BUILT_IN_TEMPLATES[id]);
}

/**
 * Writes a validated template into `db` (call it inside a transaction: all or nothing):
 * channels by slug (created, updated or restored; a channel the file does not name is archived,
 * never deleted), admission questions, check-in day and questions, and the version-2 sections
 * the file has (an absent section, e.g. in a version-1 file, is left as it is). Review and pitch
 * channels only come from the migrations (their document kind is part of the code), so a
 * template can restyle them but not create new ones.
 */
export async function applyTemplate(db: DbOrTx, template: ProgrammeTemplate): Promise<void> {
  const existing = new Set((await listChannels(db)).map((channel) => channel.slug));
  for (const channel of template.channels) {
    const isDocumentChannel = channel.kind === "review" || channel.kind === "pitch";
    if (isDocumentChannel && !existing.has(channel.slug)) continue;
    await upsertChannelFromTemplate(db, {
      slug: channel.slug,
      kind: channel.kind,
      name: channel.name.fr,
      nameEn: channel.name.en,
      description: channel.description,
      rules: channel.rules,
      visibility: channel.visibility,
      allowsQuestions: channel.allowsQuestions,
      position: channel.position,
    });
  }
  await archiveChannelsNotIn(db, { slugs: template.channels.map((channel) => channel.slug) });
  await setSetting(db, {
    key: TEMPLATE_META_KEY,
    value: { id: template.id, name: template.name, description: template.description },
  });
  await setSetting(db, {
    key: ADMISSION_QUESTIONS_KEY,
    value: template.admission.questions.map((label) => ({ id: questionId(label), label })),
  });
  // The facilitators' own reminder text is not part of a programme: keep it.
  const { nudgeMessage } = await getCheckinSettings(db);
  await saveCheckinSettings(db, {
    day: template.checkin.day as IsoWeekday,
    questions: template.checkin.questions,
    nudgeMessage,
  });
  await writeSections(db, template);
  if (template.help) await applyHelpPages(db, template.help);
}

const TEMPLATE_META_KEY = "programme_template";

/**
 * The programme as it stands in `db`, in the template format (the current version, every
 * section): what `applyTemplate` would need to rebuild it. Channels come in their order,
 * archived ones left out; a channel never named in English gets its French name.
 */
export async function exportTemplate(db: DbOrTx): Promise<ProgrammeTemplate> {
  const stored = await getSettings(db, { keys: [TEMPLATE_META_KEY, ADMISSION_QUESTIONS_KEY] });
  const meta = (stored.get(TEMPLATE_META_KEY) ?? {}) as { id?: string; name?: string; description?: string };
  const questions = Array.isArray(stored.get(ADMISSION_QUESTIONS_KEY))
    ? (stored.get(ADMISSION_QUESTIONS_KEY) as { label: string }[]).map((question) => question.label)
    : BUILT_IN_TEMPLATES.propulse.admission.questions;
  const checkin = await getCheckinSettings(db);
  const [sections, help] = await Promise.all([readSections(db), exportHelpPages(db)]);
  return programmeTemplateSchema.parse({
    format: "propulse-programme",
    version: TEMPLATE_VERSION,
    id: meta.id ?? "propulse",
    name: meta.name ?? "Pro'pulse",
    description: meta.description ?? "",
    channels: (await listChannels(db))
      .filter((channel) => channel.archivedAt === null)
      .map((channel) => ({
        slug: channel.slug,
        kind: channel.kind,
        name: { fr: channel.name, en: channel.nameEn ?? channel.name },
        description: channel.description,
        rules: channel.rules,
        visibility: channel.visibility,
        allowsQuestions: channel.allowsQuestions,
        position: channel.position,
      })),
    admission: { questions },
    checkin: { day: checkin.day, questions: checkin.questions },
    ...sections,
    // A database with no help page yet (no template applied) has no section to export.
    ...(help.length ? { help } : {}),
  });
}

/** The slugs of the archived channels of `db` (an import names the ones it restores). */
export async function listArchivedChannelSlugs(db: DbOrTx): Promise<string[]> {
  return (await listChannels(db)).filter((channel) => channel.archivedAt !== null).map((channel) => channel.slug);
}
