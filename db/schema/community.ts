import { sql } from "drizzle-orm";
import {
  bigint,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { requestStatuses } from "@/lib/domain/moderation";
import { posts, threads } from "./forum";
import { users } from "./users";

export { requestStatuses };
export const requestStatus = pgEnum("request_status", requestStatuses);

/** The columns of a request a facilitator decides: waiting, then approved or refused with a message. */
function decisionColumns() {
  return {
    status: requestStatus("status").notNull().default("pending"),
    decisionMessage: text("decision_message"),
    decidedById: uuid("decided_by_id").references(() => users.id),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  };
}

/** A member asks to be shown as a verified ESS professional; a facilitator decides. */
export const proRequests = pgTable(
  "pro_requests",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    organisation: text("organisation").notNull(),
    jobTitle: text("job_title").notNull(),
    proofUrl: text("proof_url").notNull(),
    expertise: text("expertise")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    ...decisionColumns(),
  },
  (t) => [
    uniqueIndex("pro_requests_one_pending_idx")
      .on(t.userId)
      .where(sql`${t.status} = 'pending'`),
    index("pro_requests_queue_idx").on(t.status, t.createdAt, t.id),
  ],
);

export type AdmissionAnswer = { question: string; answer: string };

/** What a newcomer answered when the community is closed; the account stays `pending` until decided. */
export const admissionRequests = pgTable(
  "admission_requests",
  {
    userId: uuid("user_id")
      .primaryKey()
      .references(() => users.id, { onDelete: "cascade" }),
    answers: jsonb("answers").$type<AdmissionAnswer[]>().notNull(),
    ...decisionColumns(),
  },
  (t) => [index("admission_requests_queue_idx").on(t.status, t.createdAt)],
);

/** Links that admit newcomers directly. Only a SHA-256 of the token is stored. */
export const invitations = pgTable("invitations", {
  id: uuid("id").primaryKey().defaultRandom(),
  tokenHash: text("token_hash").notNull().unique(),
  createdById: uuid("created_by_id")
    .notNull()
    .references(() => users.id),
  note: text("note").notNull().default(""),
  /** Null: any number of uses until it expires. */
  maxUses: integer("max_uses"),
  useCount: integer("use_count").notNull().default(0),
  expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  revokedAt: timestamp("revoked_at", { withTimezone: true }),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

/** The reply a question's asker (or a facilitator) marked as the answer. */
export const acceptedAnswers = pgTable(
  "accepted_answers",
  {
    threadId: bigint("thread_id", { mode: "number" })
      .primaryKey()
      .references(() => threads.id, { onDelete: "cascade" }),
    postId: bigint("post_id", { mode: "number" })
      .notNull()
      .references(() => posts.id, { onDelete: "cascade" }),
    acceptedById: uuid("accepted_by_id")
      .notNull()
      .references(() => users.id),
    acceptedAt: timestamp("accepted_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("accepted_answers_post_idx").on(t.postId)],
);

export type ProRequest = typeof proRequests.$inferSelect;
export type AdmissionRequest = typeof admissionRequests.$inferSelect;
export type Invitation = typeof invitations.$inferSelect;
