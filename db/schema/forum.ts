import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  serial,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  type AnyPgColumn,
} from "drizzle-orm/pg-core";
import { reviewDocKinds } from "@/lib/domain/reviews";
import { users } from "./users";

/** `staff`: facilitators and admins only (the team's own channel). */
export const channelVisibilities = ["public", "members", "staff"] as const;
export const channelKinds = ["discussion", "offers", "review", "pitch"] as const;

export const channelVisibility = pgEnum("channel_visibility", channelVisibilities);
export const channelKind = pgEnum("channel_kind", channelKinds);

/** The document a review thread is about: `pitch` for pitch practice (recording and/or text). */
export { reviewDocKinds };
export const reviewDocKind = pgEnum("review_doc_kind", reviewDocKinds);

export const channels = pgTable("channels", {
  id: serial("id").primaryKey(),
  slug: text("slug").notNull().unique(),
  name: text("name").notNull(),
  /** The name English readers see; null: they see `name` (the community's language). */
  nameEn: text("name_en"),
  description: text("description").notNull().default(""),
  rules: text("rules").notNull().default(""),
  /** `public`: anonymous visitors may read. Review channels are always members-only (enforced in permissions). */
  visibility: channelVisibility("visibility").notNull().default("members"),
  kind: channelKind("kind").notNull().default("discussion"),
  /** For `review` and `pitch` channels: the document their threads are about (never guessed from the slug). */
  docKind: reviewDocKind("doc_kind"),
  allowsQuestions: boolean("allows_questions").notNull().default(false),
  /** Every member follows it at `watching` unless they chose otherwise (e.g. *Vie du programme*). */
  watchedByDefault: boolean("watched_by_default").notNull().default(false),
  position: integer("position").notNull().default(0),
  /**
   * Archived: gone from the navigation, home, compose choices, search filters and "my week"; its
   * threads stay readable by link but take no new threads or replies (lib/permissions). Never
   * deleted: a programme template that drops a channel archives it, and naming it again restores it.
   */
  archivedAt: timestamp("archived_at", { withTimezone: true }),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

export const threadKinds = ["discussion", "question", "offer", "review", "pitch"] as const;
export const threadKind = pgEnum("thread_kind", threadKinds);

export const threads = pgTable(
  "threads",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    channelId: integer("channel_id")
      .notNull()
      .references(() => channels.id),
    authorId: uuid("author_id")
      .notNull()
      .references(() => users.id),
    kind: threadKind("kind").notNull().default("discussion"),
    title: text("title").notNull(),
    slug: text("slug").notNull(),
    excerpt: text("excerpt").notNull().default(""),
    isPinned: boolean("is_pinned").notNull().default(false),
    isLocked: boolean("is_locked").notNull().default(false),
    /** Visible replies, kept in step with `posts` inside the writing transaction. */
    replyCount: integer("reply_count").notNull().default(0),
    /** Up to five most recent distinct posters, newest first: the channel page's avatars without a join. */
    recentPosterIds: uuid("recent_poster_ids")
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
    /** Highest `posts.number` handed out: gives each thread a gap-free, commit-ordered sequence. */
    lastPostNumber: integer("last_post_number").notNull().default(0),
    lastActivityAt: timestamp("last_activity_at", { withTimezone: true }).notNull().defaultNow(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    deletedAt: timestamp("deleted_at", { withTimezone: true }),
  },
  (t) => [
    // Channel page order: pinned first, then latest activity; id breaks ties for the cursor.
    // NULLS FIRST matches a plain ORDER BY … DESC, so PostgreSQL reads the index in order, without a sort.
    index("threads_channel_order_idx").on(
      t.channelId,
      t.isPinned.desc().nullsFirst(),
      t.lastActivityAt.desc().nullsFirst(),
      t.id.desc().nullsFirst(),
    ),
    index("threads_author_idx").on(t.authorId),
    // Unread counts: recent activity across channels.
    index("threads_activity_idx").on(t.lastActivityAt),
  ],
);

export const posts = pgTable(
  "posts",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    threadId: bigint("thread_id", { mode: "number" })
      .notNull()
      .references(() => threads.id, { onDelete: "cascade" }),
    authorId: uuid("author_id")
      .notNull()
      .references(() => users.id),
    /** 1 for the opening post, then 2, 3… in commit order within the thread. */
    number: integer("number").notNull(),
    /** The post this one answers; shown nested one level under it. */
    replyToId: bigint("reply_to_id", { mode: "number" }).references((): AnyPgColumn => posts.id),
    body: jsonb("body").notNull(),
    bodyText: text("body_text").notNull().default(""),
    /** Derived from `body` by lib/editor at write time (allow-listed, escaped): readers never pay for it. */
    bodyHtml: text("body_html").notNull().default(""),
    /** Incremented on each edit; an edit must name the version it started from. */
    version: integer("version").notNull().default(1),
    /** Client-generated key of the submission, so a retried request cannot create a second post. */
    idempotencyKey: text("idempotency_key"),
    editedAt: timestamp("edited_at", { withTimezone: true }),
    deletedAt: timestamp("deleted_at", { withTimezone: true }),
    hiddenAt: timestamp("hidden_at", { withTimezone: true }),
    hiddenReason: text("hidden_reason"),
    hiddenById: uuid("hidden_by_id").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("posts_thread_number_idx").on(t.threadId, t.number),
    uniqueIndex("posts_author_idempotency_idx")
      .on(t.authorId, t.idempotencyKey)
      .where(sql`${t.idempotencyKey} is not null`),
    index("posts_reply_to_idx").on(t.replyToId),
    index("posts_author_idx").on(t.authorId, t.createdAt),
  ],
);

export type Channel = typeof channels.$inferSelect;
export type Thread = typeof threads.$inferSelect;
export type Post = typeof posts.$inferSelect;
export type ChannelVisibility = (typeof channelVisibilities)[number];
export type ChannelKind = (typeof channelKinds)[number];
export type ThreadKind = (typeof threadKinds)[number];
