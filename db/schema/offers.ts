import { sql } from "drizzle-orm";
import {
  bigint,
  check,
  date,
  index,
  integer,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import {
  applicationStatuses,
  essFamilies,
  offerContracts,
  offerOrigins,
  salaryPeriods,
  workModes,
} from "@/lib/domain/offers";
import { threads } from "./forum";
import { users } from "./users";

export const essFamily = pgEnum("ess_family", essFamilies);
export const offerContract = pgEnum("offer_contract", offerContracts);
export const workMode = pgEnum("work_mode", workModes);
export const offerOrigin = pgEnum("offer_origin", offerOrigins);
export const salaryPeriod = pgEnum("salary_period", salaryPeriods);
export const applicationStatus = pgEnum("application_status", applicationStatuses);

/**
 * The structured part of a job offer. The offer itself is a thread of the `offres` channel:
 * its title is the thread's title, its description the opening post, questions are replies.
 */
export const jobOffers = pgTable(
  "job_offers",
  {
    threadId: bigint("thread_id", { mode: "number" })
      .primaryKey()
      .references(() => threads.id, { onDelete: "cascade" }),
    origin: offerOrigin("origin").notNull(),
    organisation: text("organisation").notNull(),
    essFamily: essFamily("ess_family").notNull(),
    contract: offerContract("contract").notNull(),
    city: text("city").notNull(),
    /** INSEE code: "69", "2A", "974". */
    department: text("department").notNull(),
    workMode: workMode("work_mode").notNull(),
    salaryMin: integer("salary_min"),
    salaryMax: integer("salary_max"),
    salaryPeriod: salaryPeriod("salary_period").notNull().default("year"),
    startDate: date("start_date", { mode: "string" }).notNull(),
    deadline: date("deadline", { mode: "string" }),
    /** An http(s) address or an email address. */
    howToApply: text("how_to_apply").notNull(),
    /** Where a member found a shared offer. */
    sourceUrl: text("source_url"),
    publishedAt: timestamp("published_at", { withTimezone: true }).notNull().defaultNow(),
    /** End of the deadline day in Paris, or publication + 60 days: computed by lib/offers/expiry at write time. */
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    /** Set when the author marks the offer "Pourvue"; cleared when reopened. */
    filledAt: timestamp("filled_at", { withTimezone: true }),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // Newest first, keyset on (published_at, thread_id); one index per selective filter so a
    // filtered page is read in order from an index, never sorted.
    index("job_offers_published_idx").on(t.publishedAt.desc().nullsFirst(), t.threadId.desc().nullsFirst()),
    index("job_offers_contract_idx").on(t.contract, t.publishedAt.desc().nullsFirst(), t.threadId.desc().nullsFirst()),
    index("job_offers_department_idx").on(
      t.department,
      t.publishedAt.desc().nullsFirst(),
      t.threadId.desc().nullsFirst(),
    ),
    index("job_offers_expires_idx").on(t.expiresAt),
    check(
      "job_offers_salary_check",
      sql`${t.salaryMin} is null or ${t.salaryMax} is null or ${t.salaryMin} <= ${t.salaryMax}`,
    ),
  ],
);

/** A member's private tracker: one row per saved offer, only ever read with its owner's id. */
export const offerApplications = pgTable(
  "offer_applications",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    threadId: bigint("thread_id", { mode: "number" })
      .notNull()
      .references(() => jobOffers.threadId, { onDelete: "cascade" }),
    status: applicationStatus("status").notNull().default("to_apply"),
    appliedOn: date("applied_on", { mode: "string" }),
    interviewOn: date("interview_on", { mode: "string" }),
    decidedOn: date("decided_on", { mode: "string" }),
    note: text("note").notNull().default(""),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("offer_applications_user_thread_idx").on(t.userId, t.threadId),
    index("offer_applications_user_updated_idx").on(
      t.userId,
      t.updatedAt.desc().nullsFirst(),
      t.id.desc().nullsFirst(),
    ),
    index("offer_applications_thread_idx").on(t.threadId),
  ],
);

export type JobOffer = typeof jobOffers.$inferSelect;
export type OfferApplication = typeof offerApplications.$inferSelect;
