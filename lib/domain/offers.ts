/**
 * The vocabularies of a job offer and the shapes the queries return. Pure (imports nothing) so
 * the schema, the queries, the zod validation, the client forms and the feeds share one list.
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

/** The structured fields of an offer, as stored and as shown (components never import db/). */
export type OfferFields = {
  origin: OfferOrigin;
  organisation: string;
  essFamily: EssFamily;
  contract: OfferContract;
  city: string;
  department: string;
  workMode: WorkMode;
  salaryMin: number | null;
  salaryMax: number | null;
  salaryPeriod: SalaryPeriod;
  startDate: string;
  deadline: string | null;
  howToApply: string;
  sourceUrl: string | null;
};

export type OfferAuthor = { id: string; name: string; role: string; organisation: string | null };

/** One offer in a list, a feed or the API. */
export type OfferSummary = OfferFields & {
  threadId: number;
  slug: string;
  title: string;
  excerpt: string;
  replyCount: number;
  publishedAt: Date;
  expiresAt: Date;
  filledAt: Date | null;
  updatedAt: Date;
  author: OfferAuthor;
};

/** An offer with its opening post: its page, its edit form, its JSON-LD. */
export type OfferDetail = OfferSummary & {
  authorId: string;
  isDeleted: boolean;
  opening: { id: number; body: unknown; bodyHtml: string; bodyText: string; version: number };
};

export type ApplicationEntry = {
  id: number;
  status: ApplicationStatus;
  appliedOn: string | null;
  interviewOn: string | null;
  decidedOn: string | null;
  note: string;
  createdAt: Date;
  updatedAt: Date;
  offer: Pick<
    OfferSummary,
    | "threadId"
    | "slug"
    | "title"
    | "organisation"
    | "contract"
    | "city"
    | "department"
    | "workMode"
    | "deadline"
    | "expiresAt"
    | "filledAt"
  >;
};
