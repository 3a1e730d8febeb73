import {
  bigint,
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import {
  activityStatuses,
  rsvpResponses,
  type ActivityKind,
  type Attendance,
  type CheckinQuestions,
  type GoalReview,
} from "@/lib/domain/rhythm";
import { posts, threads } from "./forum";
import { users } from "./users";

/** One row per check-in week: the weekly thread where check-ins are posted, and the prompts asked that week. */
export const checkinWeeks = pgTable("checkin_weeks", {
  id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
  /** The week's first day (the check-in day), a Paris calendar date. */
  weekStart: date("week_start", { mode: "string" }).notNull().unique(),
  threadId: bigint("thread_id", { mode: "number" }).references(() => threads.id, { onDelete: "set null" }),
  questions: jsonb("questions").$type<CheckinQuestions>().notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

/** A member's check-in of one week. `postId`: its reply in the weekly thread (none when staff-only). */
export const checkins = pgTable(
  "checkins",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    weekId: integer("week_id")
      .notNull()
      .references(() => checkinWeeks.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    goals: jsonb("goals").$type<string[]>().notNull(),
    review: jsonb("review").$type<GoalReview[]>().notNull().default([]),
    goodNews: text("good_news").notNull().default(""),
    difficulty: text("difficulty").notNull().default(""),
    helpWanted: text("help_wanted").notNull().default(""),
    /** Shown to facilitators only, never posted in the weekly thread. */
    staffOnly: boolean("staff_only").notNull().default(false),
    postId: bigint("post_id", { mode: "number" }).references(() => posts.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("checkins_user_week_idx").on(t.userId, t.weekId), index("checkins_week_idx").on(t.weekId)],
);

export const activityStatus = pgEnum("activity_status", activityStatuses);
export const rsvpResponse = pgEnum("rsvp_response", rsvpResponses);

/** Workshops, visits, meetups: proposed by members, published by facilitators (or trusted roles). */
export const activities = pgTable(
  "activities",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    kind: text("kind").$type<ActivityKind>().notNull(),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    endsAt: timestamp("ends_at", { withTimezone: true }).notNull(),
    place: text("place").notNull().default(""),
    /** Shown to participants only (never to other members nor in public calendars). */
    visioUrl: text("visio_url"),
    /** Null: no limit. */
    capacity: integer("capacity"),
    hostId: uuid("host_id")
      .notNull()
      .references(() => users.id),
    proposedById: uuid("proposed_by_id")
      .notNull()
      .references(() => users.id),
    status: activityStatus("status").notNull().default("proposed"),
    decidedById: uuid("decided_by_id").references(() => users.id),
    /** Its announcement in *Vie du programme*, created at publication; the recap is a reply to it. */
    threadId: bigint("thread_id", { mode: "number" }).references(() => threads.id, { onDelete: "set null" }),
    recapPostId: bigint("recap_post_id", { mode: "number" }).references(() => posts.id, { onDelete: "set null" }),
    cancelReason: text("cancel_reason"),
    remindedDayBeforeAt: timestamp("reminded_day_before_at", { withTimezone: true }),
    remindedHourBeforeAt: timestamp("reminded_hour_before_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("activities_status_start_idx").on(t.status, t.startsAt)],
);

export const activityRsvps = pgTable(
  "activity_rsvps",
  {
    activityId: bigint("activity_id", { mode: "number" })
      .notNull()
      .references(() => activities.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    response: rsvpResponse("response").notNull(),
    /** When the current answer was given: the waiting list's order. */
    respondedAt: timestamp("responded_at", { withTimezone: true }).notNull().defaultNow(),
    attendance: text("attendance").$type<Attendance>(),
  },
  (t) => [
    primaryKey({ columns: [t.activityId, t.userId] }),
    index("activity_rsvps_user_idx").on(t.userId),
    index("activity_rsvps_queue_idx").on(t.activityId, t.response, t.respondedAt),
  ],
);

/** A member's private calendar feed. Only a SHA-256 of the token is stored; a new token revokes the old one. */
export const calendarFeeds = pgTable("calendar_feeds", {
  userId: uuid("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  tokenHash: text("token_hash").notNull().unique(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

export type CheckinWeek = typeof checkinWeeks.$inferSelect;
export type Checkin = typeof checkins.$inferSelect;
export type Activity = typeof activities.$inferSelect;
export type ActivityRsvp = typeof activityRsvps.$inferSelect;
