import { sql } from "drizzle-orm";
import { bigint, boolean, check, date, index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import type { OutcomeKind, OutcomeSharing } from "@/lib/domain/outcomes";
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
