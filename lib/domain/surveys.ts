import { outcomeKinds } from "./outcomes";

/**
 * The six-month survey (pure: shared by the schema, services and forms). A change to its
 * questions bumps `SURVEY_QUESTION_VERSION`: each answer keeps the version it answered, so
 * figures can be read per version.
 */
export const SURVEY_QUESTION_VERSION = 1;

/** The member's situation now: what "J'ai trouvé !" offers, or still looking. */
export const surveySituations = [...outcomeKinds, "searching"] as const;
export type SurveySituation = (typeof surveySituations)[number];

/** What helped most (several may be chosen). */
export const surveyHelps = ["checkins", "reviews", "pros", "activities", "members", "other"] as const;
export type SurveyHelp = (typeof surveyHelps)[number];

/** The survey is due this many months after the member's cohort ends, or after their first outcome. */
export const SURVEY_DELAY_MONTHS = 6;
/** One reminder, this many days after the invitation if still unanswered; then no more. */
export const SURVEY_REMINDER_DAYS = 14;
/** A score at or above this counts as satisfied (4 or 5 out of 5). */
export const SATISFIED_FROM = 4;
