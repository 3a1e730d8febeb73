import "server-only";
/**
 * How newcomers get in: `closed` (the default) asks admission questions and waits for a
 * facilitator; `invitation` admits only through an invitation link; `open` admits anyone.
 */
export const COMMUNITY_MODES = ["closed", "invitation", "open"] as const;
export type CommunityMode = (typeof COMMUNITY_MODES)[number];
export type AdmissionQuestion = { id: string; label: string };

export const COMMUNITY_MODE_KEY = "community_mode";
export const ADMISSION_QUESTIONS_KEY = "admission_questions";
export const DEFAULT_COMMUNITY_MODE: CommunityMode = "closed";

/** Used until facilitators write their own; labels come from the messages (`admission.defaultQuestions.<id>`). */
export const DEFAULT_QUESTION_IDS = ["diploma", "graduationDate", "essProject"] as const;

export const MAX_QUESTIONS = 8;

export function parseMode(value: unknown): CommunityMode {
  return COMMUNITY_MODES.includes(value as CommunityMode) ? (value as CommunityMode) : DEFAULT_COMMUNITY_MODE;
}

/** Stored questions, or null when none were ever saved (the defaults apply). */
export function parseQuestions(value: unknown): AdmissionQuestion[] | null {
  if (!Array.isArray(value)) return null;
  return value
    .filter((item): item is AdmissionQuestion => typeof item?.id === "string" && typeof item?.label === "string")
    .slice(0, MAX_QUESTIONS);
}

/** The questions to ask, with the default ones translated by `t`. */
export function resolveQuestions(stored: AdmissionQuestion[] | null, t: (key: string) => string): AdmissionQuestion[] {
  return stored ?? DEFAULT_QUESTION_IDS.map((id) => ({ id, label: t(`admission.defaultQuestions.${id}`) }));
}
