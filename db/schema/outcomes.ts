import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  check,
  date,
  index,
  integer,
  pgTable,
  smallint,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import type { OutcomeKind, OutcomeSharing } from "@/lib/domain/outcomes";
import type { SurveyHelp, SurveySituation } from "@/lib/domain/surveys";
import { threads } from "./forum";
import { offerApplications } from "./offers";
import { users } from "./users";

/** A promotion of the programme: members placed in it; once `endsOn` is past its members are alumni. */
export const cohorts = pgTable(
  "cohorts",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    name: text("name").notNull(),
    territory: text("territory").notNull().default(""),
    startsOn: date("starts_on", { mode: "string" }).notNull(),
    endsOn: date("ends_on", { mode: "string" }).notNull(),
    createdById: uuid("created_by_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check("cohorts_dates_check", sql`${t.endsOn} >= ${t.startsOn}`)],
);

/** A member's cohort (one at most: placing them elsewhere moves them). */
export const cohortMembers = pgTable(
  "cohort_members",
  {
    userId: uuid("user_id")
      .primaryKey()
      .references(() => users.id, { onDelete: "cascade" }),
    cohortId: integer("cohort_id")
      .notNull()
      .references(() => cohorts.id, { onDelete: "cascade" }),
    placedAt: timestamp("placed_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("cohort_members_cohort_idx").on(t.cohortId)],
);

/** "J'ai trouvé !": what a member declares they found, with whom they share it. */
export const outcomes = pgTable(
  "outcomes",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: text("kind").$type<OutcomeKind>().notNull(),
    isEss: boolean("is_ess").notNull(),
    organisation: text("organisation"),
    startsOn: date("starts_on", { mode: "string" }).notNull(),
    sharing: text("sharing").$type<OutcomeSharing>().notNull(),
    /** The tracked application it came from (tracker moved to "Acceptée"). */
    applicationId: bigint("application_id", { mode: "number" }).references(() => offerApplications.id, {
      onDelete: "set null",
    }),
    /** Its celebration in *Victoires* while shared with the community. */
    threadId: bigint("thread_id", { mode: "number" }).references(() => threads.id, { onDelete: "set null" }),
    withdrawnAt: timestamp("withdrawn_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("outcomes_user_idx").on(t.userId, t.startsOn),
    index("outcomes_starts_idx").on(t.startsOn),
    check(
      "outcomes_kind_check",
      sql`${t.kind} in ('cdi','cdd_long','cdd_short','alternance','service_civique','formation','creation','other')`,
    ),
    check("outcomes_sharing_check", sql`${t.sharing} in ('community','facilitators','nobody')`),
  ],
);

export type Cohort = typeof cohorts.$inferSelect;
export type Outcome = typeof outcomes.$inferSelect;

/**
 * The six-month survey, one per member: invited (the job `survey.plan`), reminded once at most,
 * answered with the question version it was asked in.
 */
export const surveys = pgTable(
  "surveys",
  {
    userId: uuid("user_id")
      .primaryKey()
      .references(() => users.id, { onDelete: "cascade" }),
    /** What made it due: the end of the member's cohort, or their first outcome. */
    basis: text("basis").$type<"cohort_end" | "outcome">().notNull(),
    dueOn: date("due_on", { mode: "string" }).notNull(),
    invitedAt: timestamp("invited_at", { withTimezone: true }).notNull().defaultNow(),
    remindedAt: timestamp("reminded_at", { withTimezone: true }),
    answeredAt: timestamp("answered_at", { withTimezone: true }),
    questionVersion: smallint("question_version"),
    situation: text("situation").$type<SurveySituation>(),
    satisfaction: smallint("satisfaction"),
    helped: text("helped")
      .array()
      .$type<SurveyHelp[]>()
      .notNull()
      .default(sql`'{}'::text[]`),
    comment: text("comment"),
  },
  (t) => [
    // The dashboard's periods: invitations sent, answers received.
    index("surveys_invited_idx").on(t.invitedAt),
    index("surveys_answered_idx")
      .on(t.answeredAt)
      .where(sql`${t.answeredAt} is not null`),
    // The reminder's pick: invitations still open.
    index("surveys_open_idx")
      .on(t.invitedAt)
      .where(sql`${t.answeredAt} is null and ${t.remindedAt} is null`),
    check("surveys_basis_check", sql`${t.basis} in ('cohort_end','outcome')`),
    check("surveys_satisfaction_check", sql`${t.satisfaction} between 1 and 5`),
    check(
      "surveys_answer_check",
      sql`${t.answeredAt} is null or (${t.questionVersion} is not null and ${t.situation} is not null and ${t.satisfaction} is not null)`,
    ),
  ],
);

export type Survey = typeof surveys.$inferSelect;
