/** What a member found ("J'ai trouvé !"), in the programme's own categories. */
export const outcomeKinds = [
  "cdi",
  "cdd_long",
  "cdd_short",
  "alternance",
  "service_civique",
  "formation",
  "creation",
  "other",
] as const;
export type OutcomeKind = (typeof outcomeKinds)[number];

/**
 * Who may see a declaration: `community` (a celebration in *Victoires*), `facilitators` (named on
 * the dashboard and in exports), `nobody` (counted only in anonymous totals, never by name).
 */
export const outcomeSharings = ["community", "facilitators", "nobody"] as const;
export type OutcomeSharing = (typeof outcomeSharings)[number];

/** Default "sortie positive" rule: CDI, CDD ≥ 6 mois, alternance, formation qualifiante, création d'activité. */
export const DEFAULT_POSITIVE_KINDS: readonly OutcomeKind[] = [
  "cdi",
  "cdd_long",
  "alternance",
  "formation",
  "creation",
];

/** Two active declarations starting less than this many days apart are the same period. */
export const OUTCOME_SAME_PERIOD_DAYS = 30;

/** The celebration channel. */
export const VICTORIES_CHANNEL_SLUG = "victoires";

/** The kind a declaration starts from when it comes from an accepted offer of that contract. */
export const KIND_FROM_CONTRACT: Record<string, OutcomeKind | undefined> = {
  cdi: "cdi",
  apprenticeship: "alternance",
  civic_service: "service_civique",
  freelance: "creation",
};
