import type { ApplicationStatus, EssFamily, OfferContract, OfferOrigin, SalaryPeriod, WorkMode } from "./constants";

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
