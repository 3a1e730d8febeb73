import { sql } from "drizzle-orm";
import { bigint, index, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { auditActions, auditTargetTypes, reportStatuses } from "@/lib/domain/moderation";
import { posts } from "./forum";
import { users } from "./users";

export { auditActions, auditTargetTypes, reportStatuses };

export const reportStatus = pgEnum("report_status", reportStatuses);

/** A member flags a post for the facilitators, with a reason. */
export const reports = pgTable(
  "reports",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    postId: bigint("post_id", { mode: "number" })
      .notNull()
      .references(() => posts.id, { onDelete: "cascade" }),
    reporterId: uuid("reporter_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    reason: text("reason").notNull(),
    status: reportStatus("status").notNull().default("open"),
    resolvedById: uuid("resolved_by_id").references(() => users.id),
    resolvedAt: timestamp("resolved_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // One open report per member and post: reporting twice does not make a post look worse.
    uniqueIndex("reports_open_unique_idx")
      .on(t.postId, t.reporterId)
      .where(sql`${t.status} = 'open'`),
    index("reports_queue_idx").on(t.status, t.createdAt, t.id),
  ],
);

export const auditAction = pgEnum("audit_action", auditActions);
export const auditTargetType = pgEnum("audit_target_type", auditTargetTypes);

/** Every moderation action: who did what, on what, why and when. Written in the action's transaction. */
export const auditLog = pgTable(
  "audit_log",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    actorId: uuid("actor_id")
      .notNull()
      .references(() => users.id),
    action: auditAction("action").notNull(),
    targetType: auditTargetType("target_type").notNull(),
    targetId: text("target_id").notNull(),
    /** The account concerned (author of a hidden post, suspended member…): filters "everything about X". */
    targetUserId: uuid("target_user_id").references(() => users.id, { onDelete: "set null" }),
    reason: text("reason"),
    details: jsonb("details").$type<Record<string, unknown>>().notNull().default({}),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("audit_log_created_idx").on(t.createdAt, t.id),
    index("audit_log_action_idx").on(t.action, t.createdAt),
    index("audit_log_actor_idx").on(t.actorId, t.createdAt),
    index("audit_log_target_user_idx").on(t.targetUserId, t.createdAt),
  ],
);

/**
 * One row per counted event (a thread, a post, a failed sign-in…), keyed by what is limited:
 * `thread:<userId>`, `signin-ip:<ip>`. Kept in the database so every instance sees the same counts.
 */
export const rateLimitEvents = pgTable(
  "rate_limit_events",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    key: text("key").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("rate_limit_events_key_idx").on(t.key, t.createdAt)],
);

export type Report = typeof reports.$inferSelect;
export type AuditEntry = typeof auditLog.$inferSelect;
