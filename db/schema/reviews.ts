import { bigint, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import type { PageRect, RubricScores } from "@/lib/domain/reviews";
import { posts, reviewDocKind, threads } from "./forum";
import { storedFiles } from "./files";
import { users } from "./users";

export type { PageRect, ReviewDocKind, RubricScores } from "@/lib/domain/reviews";

/** The review-specific part of a thread of kind `review` (one row per thread). */
export const reviewRequests = pgTable("review_requests", {
  threadId: bigint("thread_id", { mode: "number" })
    .primaryKey()
    .references(() => threads.id, { onDelete: "cascade" }),
  docKind: reviewDocKind("doc_kind").notNull(),
  /** The job or sector the document targets. */
  target: text("target").notNull(),
  /** What kind of feedback the author wants. */
  feedbackWanted: text("feedback_wanted").notNull(),
  resolvedAt: timestamp("resolved_at", { withTimezone: true }),
  /** Retention: the "keep or delete?" reminder sent at 23 months without a new version. */
  retentionRemindedAt: timestamp("retention_reminded_at", { withTimezone: true }),
  /** Retention: the files were deleted 24 months after the last version (the thread stays, with a note). */
  filesExpiredAt: timestamp("files_expired_at", { withTimezone: true }),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

/** Version 1, 2… of the reviewed document: a PDF file, or a pasted cover letter. */
export const reviewVersions = pgTable(
  "review_versions",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    threadId: bigint("thread_id", { mode: "number" })
      .notNull()
      .references(() => reviewRequests.threadId, { onDelete: "cascade" }),
    number: integer("number").notNull(),
    fileId: uuid("file_id").references(() => storedFiles.id, { onDelete: "set null" }),
    letterText: text("letter_text"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("review_versions_thread_number_idx").on(t.threadId, t.number),
    index("review_versions_file_idx").on(t.fileId),
  ],
);

/** The review thread and the version of its document that a review or a page comment is about. */
function reviewedVersionColumns() {
  return {
    threadId: bigint("thread_id", { mode: "number" })
      .notNull()
      .references(() => reviewRequests.threadId, { onDelete: "cascade" }),
    versionId: bigint("version_id", { mode: "number" })
      .notNull()
      .references(() => reviewVersions.id, { onDelete: "cascade" }),
  };
}

/** A structured review: the reply post that carries it, with its rubric scores and version. */
export const reviewFeedback = pgTable(
  "review_feedback",
  {
    postId: bigint("post_id", { mode: "number" })
      .primaryKey()
      .references(() => posts.id, { onDelete: "cascade" }),
    ...reviewedVersionColumns(),
    authorId: uuid("author_id")
      .notNull()
      .references(() => users.id),
    /** Validated against the rubric of the document's kind before it is written. */
    scores: jsonb("scores").$type<RubricScores>().notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("review_feedback_thread_idx").on(t.threadId, t.createdAt)],
);

/** A comment on one page of one version, optionally on a rectangle; its text is a reply post. */
export const reviewPageComments = pgTable(
  "review_page_comments",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    postId: bigint("post_id", { mode: "number" })
      .notNull()
      .unique()
      .references(() => posts.id, { onDelete: "cascade" }),
    ...reviewedVersionColumns(),
    page: integer("page").notNull(),
    rect: jsonb("rect").$type<PageRect>(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("review_page_comments_thread_idx").on(t.threadId, t.versionId)],
);

export type ReviewFeedback = typeof reviewFeedback.$inferSelect;
export type ReviewRequest = typeof reviewRequests.$inferSelect;
export type ReviewVersion = typeof reviewVersions.$inferSelect;
