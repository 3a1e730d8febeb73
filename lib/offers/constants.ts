import type { OfferContract } from "@/lib/domain/offers";

// The vocabularies live in lib/domain so db/schema can use them without importing lib code.
export {
  applicationStatuses,
  essFamilies,
  offerContracts,
  offerOrigins,
  OFFER_DEFAULT_LIFETIME_DAYS,
  salaryPeriods,
  workModes,
  type ApplicationStatus,
  type EssFamily,
  type OfferContract,
  type OfferOrigin,
  type SalaryPeriod,
  type WorkMode,
} from "@/lib/domain/offers";

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
