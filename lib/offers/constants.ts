/**
 * The vocabularies of a job offer. Plain constants (no database import) so the schema, the
 * zod validation, the client forms and the feeds share one list.
 */

/** Families of the social and solidarity economy (ESS) an employer belongs to. */
export const essFamilies = [
  "association",
  "cooperative",
  "mutual",
  "foundation",
  "esus",
  "insertion",
  "other",
] as const;
export type EssFamily = (typeof essFamilies)[number];

export const offerContracts = ["cdi", "cdd", "internship", "apprenticeship", "civic_service", "freelance"] as const;
export type OfferContract = (typeof offerContracts)[number];

export const workModes = ["on_site", "hybrid", "remote"] as const;
export type WorkMode = (typeof workModes)[number];

/** `employer`: published by a verified pro or the team; `shared`: a member relays an offer found elsewhere. */
export const offerOrigins = ["employer", "shared"] as const;
export type OfferOrigin = (typeof offerOrigins)[number];

export const salaryPeriods = ["year", "month"] as const;
export type SalaryPeriod = (typeof salaryPeriods)[number];

/** A member's own application tracker: à postuler → postulé → entretien → refusé / acceptée. */
export const applicationStatuses = ["to_apply", "applied", "interview", "rejected", "accepted"] as const;
export type ApplicationStatus = (typeof applicationStatuses)[number];

/** Without a deadline, an offer leaves the default list this many days after publication. */
export const OFFER_DEFAULT_LIFETIME_DAYS = 60;

export const OFFERS_CHANNEL_SLUG = "offres";

/** schema.org JobPosting `employmentType` for each contract. */
export const employmentTypes: Record<OfferContract, string> = {
  cdi: "FULL_TIME",
  cdd: "TEMPORARY",
  internship: "INTERN",
  apprenticeship: "INTERN",
  civic_service: "VOLUNTEER",
  freelance: "CONTRACTOR",
};
