import "server-only";
import { getSettings, setSetting } from "@/db/queries/settings";
import type { DbOrTx } from "@/db";
import type { ReviewDocKind } from "@/lib/domain/reviews";
import { DEFAULT_POSITIVE_KINDS, outcomeKinds } from "@/lib/domain/outcomes";
import { activityKinds } from "@/lib/domain/rhythm";
import type { Locale } from "@/lib/i18n/config";
import { RUBRICS } from "@/lib/reviews/rubric";
import { POSITIVE_RULE_KEY } from "@/lib/impact/service";
import enConversations from "@/lib/i18n/messages/en/conversations.json";
import enModeration from "@/lib/i18n/messages/en/moderation.json";
import enOutcomes from "@/lib/i18n/messages/en/outcomes.json";
import enReview from "@/lib/i18n/messages/en/review.json";
import enRhythm from "@/lib/i18n/messages/en/rhythm.json";
import frConversations from "@/lib/i18n/messages/fr/conversations.json";
import frModeration from "@/lib/i18n/messages/fr/moderation.json";
import frOutcomes from "@/lib/i18n/messages/fr/outcomes.json";
import frReview from "@/lib/i18n/messages/fr/review.json";
import frRhythm from "@/lib/i18n/messages/fr/rhythm.json";
import {
  communityEmailKinds,
  onboardingStepIds,
  PROGRAMME_SECTIONS,
  programmeSectionsSchema,
  type ProgrammeSectionName,
  type ProgrammeSections,
} from "./schema";

/**
 * The version-2 sections of a programme: each stored whole in the `settings` table under
 * `programme.<section>`; unset, the app keeps its built-in texts and rules (today's Pro'pulse).
 * Texts reach the pages and e-mails as message overrides (`programmeTextOverrides`, applied
 * where messages load); rubrics, onboarding steps, activity formats and the positive-exit rule
 * are read by their features through the functions below.
 */
export type Sections = Required<ProgrammeSections>;
export type Bilingual = { fr: string; en: string };

const settingKey = (section: ProgrammeSectionName) => `programme.${section}`;

type Json = Record<string, unknown>;
const FILES = {
  fr: {
    conversations: frConversations,
    moderation: frModeration,
    outcomes: frOutcomes,
    review: frReview,
    rhythm: frRhythm,
  },
  en: {
    conversations: enConversations,
    moderation: enModeration,
    outcomes: enOutcomes,
    review: enReview,
    rhythm: enRhythm,
  },
} as const;

/** A built-in message in both languages, by its path in one file (`messages.buddies.welcome`). */
function builtIn(file: keyof (typeof FILES)["fr"], path: string): Bilingual {
  const read = (locale: Locale) => {
    const value = path
      .split(".")
      .reduce<unknown>((node, key) => (node as Json | undefined)?.[key], FILES[locale][file]);
    if (typeof value !== "string") throw new Error(`built-in message missing: ${locale}/${file}.json ${path}`);
    return value;
  };
  return { fr: read("fr"), en: read("en") };
}

/** Today's programme, as the code and the message files define it. */
export function defaultSections(): Sections {
  const rubric = (kind: ReviewDocKind) =>
    RUBRICS[kind].map((id) => ({ id, label: builtIn("review", `review.criteria.${id}`), hint: { fr: "", en: "" } }));
  return {
    rubrics: { cv: rubric("cv"), letter: rubric("letter"), pitch: rubric("pitch") },
    welcome: { buddyMessage: builtIn("conversations", "messages.buddies.welcome") },
    onboarding: {
      steps: onboardingStepIds.map((id) => ({
        id,
        label: builtIn("rhythm", `onboarding.steps.${id}.label`),
        hint: builtIn("rhythm", `onboarding.steps.${id}.hint`),
      })),
    },
    activities: {
      formats: activityKinds.map((kind) => ({ kind, name: builtIn("rhythm", `activities.kinds.${kind}`) })),
    },
    outcomes: {
      kinds: outcomeKinds.map((kind) => ({
        kind,
        label: builtIn("outcomes", `outcomes.kinds.${kind}`),
        positive: DEFAULT_POSITIVE_KINDS.includes(kind),
      })),
    },
    survey: {
      intro: builtIn("outcomes", "survey.intro"),
      situation: builtIn("outcomes", "survey.situation"),
      satisfaction: builtIn("outcomes", "survey.satisfaction"),
      helped: builtIn("outcomes", "survey.helped"),
      comment: builtIn("outcomes", "survey.comment"),
    },
    emails: Object.fromEntries(
      communityEmailKinds.map((kind) => [
        kind,
        {
          subject: builtIn("moderation", `communityEmails.${kind}Subject`),
          body: builtIn("moderation", `communityEmails.${kind}Body`),
        },
      ]),
    ) as Sections["emails"],
  };
}

/** A stored section, or null when unset or no longer valid (the built-in one applies). */
function parseSection<K extends ProgrammeSectionName>(name: K, value: unknown): Sections[K] | null {
  if (value === undefined || value === null) return null;
  const parsed = programmeSectionsSchema.shape[name].safeParse(value);
  return parsed.success ? ((parsed.data ?? null) as Sections[K] | null) : null;
}

/** The sections in effect in `db` (stored, else built in), in one query. */
export async function readSections(db: DbOrTx): Promise<Sections> {
  const stored = await getSettings(db, { keys: [...PROGRAMME_SECTIONS.map(settingKey), POSITIVE_RULE_KEY] });
  return sectionsFrom(stored);
}

/** Same, from settings already read (for callers that batch their settings into one query). */
export function sectionsFrom(stored: Map<string, unknown>): Sections {
  const sections = defaultSections();
  for (const name of PROGRAMME_SECTIONS) {
    const value = parseSection(name, stored.get(settingKey(name)));
    if (value) (sections as Record<string, unknown>)[name] = value;
  }
  // The positive-exit rule lives in the impact board's setting (its own screen edits it too).
  const positive = stored.get(POSITIVE_RULE_KEY);
  if (Array.isArray(positive))
    sections.outcomes = {
      kinds: sections.outcomes.kinds.map((item) => ({ ...item, positive: positive.includes(item.kind) })),
    };
  return sections;
}

/** The keys `sectionsFrom` needs, for callers batching them with their own. */
export const SECTION_SETTING_KEYS = [...PROGRAMME_SECTIONS.map(settingKey), POSITIVE_RULE_KEY];

/** Writes the sections a template sets; absent ones are left as they are. */
export async function writeSections(db: DbOrTx, sections: ProgrammeSections): Promise<void> {
  for (const name of PROGRAMME_SECTIONS) {
    const value = sections[name];
    if (!value) continue;
    await setSetting(db, { key: settingKey(name), value });
    if (name === "outcomes") {
      const kinds = (value as Sections["outcomes"]).kinds.filter((item) => item.positive).map((item) => item.kind);
      await setSetting(db, { key: POSITIVE_RULE_KEY, value: outcomeKinds.filter((kind) => kinds.includes(kind)) });
    }
  }
}

/**
 * The message texts the sections replace, for one locale, by message path
 * (`onboarding.steps.profile.label`). Rubric labels are not here: the review pages read them
 * from the rubric itself (its criteria are data).
 */
export function programmeTextOverrides(sections: Sections, locale: Locale): Record<string, string> {
  const texts: Record<string, string> = { "messages.buddies.welcome": sections.welcome.buddyMessage[locale] };
  for (const step of sections.onboarding.steps) {
    texts[`onboarding.steps.${step.id}.label`] = step.label[locale];
    texts[`onboarding.steps.${step.id}.hint`] = step.hint[locale];
  }
  for (const format of sections.activities.formats) texts[`activities.kinds.${format.kind}`] = format.name[locale];
  for (const item of sections.outcomes.kinds) texts[`outcomes.kinds.${item.kind}`] = item.label[locale];
  for (const field of ["intro", "situation", "satisfaction", "helped", "comment"] as const)
    texts[`survey.${field}`] = sections.survey[field][locale];
  for (const kind of communityEmailKinds) {
    texts[`communityEmails.${kind}Subject`] = sections.emails[kind].subject[locale];
    texts[`communityEmails.${kind}Body`] = sections.emails[kind].body[locale];
  }
  return texts;
}

/** A review rubric in one language, as the review pages and the feedback post use it. */
export type RubricCriterion = { id: string; label: string; hint: string };

export function rubricIn(
  sections: Pick<Sections, "rubrics">,
  docKind: ReviewDocKind,
  locale: Locale,
): RubricCriterion[] {
  return sections.rubrics[docKind].map((criterion) => ({
    id: criterion.id,
    label: criterion.label[locale],
    hint: criterion.hint[locale],
  }));
}
