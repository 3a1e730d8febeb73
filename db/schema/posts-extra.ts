import { bigint, index, integer, jsonb, pgEnum, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { reactionEmojis, type ReactionEmoji } from "@/lib/domain/forum";
import { posts, threads } from "./forum";
import { users } from "./users";

/** The versions a post had before each edit, viewable from the "modifié" marker. */
export const postRevisions = pgTable(
  "post_revisions",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    postId: bigint("post_id", { mode: "number" })
      .notNull()
      .references(() => posts.id, { onDelete: "cascade" }),
    version: integer("version").notNull(),
    body: jsonb("body").notNull(),
    bodyHtml: text("body_html").notNull(),
    /** Who wrote this version (the author, or a moderator later). */
    editorId: uuid("editor_id").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("post_revisions_post_idx").on(t.postId, t.version)],
);

export { reactionEmojis, type ReactionEmoji };
export const reactionEmoji = pgEnum("reaction_emoji", reactionEmojis);

export const reactions = pgTable(
  "reactions",
  {
    postId: bigint("post_id", { mode: "number" })
      .notNull()
      .references(() => posts.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    emoji: reactionEmoji("emoji").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.postId, t.userId, t.emoji] })],
);

/** Members mentioned in a post: the base of mention notifications. */
export const mentions = pgTable(
  "mentions",
  {
    postId: bigint("post_id", { mode: "number" })
      .notNull()
      .references(() => posts.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.postId, t.userId] }), index("mentions_user_idx").on(t.userId)],
);

/**
 * What a member is writing, saved while they type so nothing is lost on reload, crash or on
 * another device. `target` is `thread:<channelId>` (new thread) or `reply:<threadId>`.
 */
export const drafts = pgTable(
  "drafts",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    target: text("target").notNull(),
    payload: jsonb("payload").notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.target] })],
);

/** How far each member has read each thread: unread counts and "new since your last visit". */
export const threadReads = pgTable(
  "thread_reads",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    threadId: bigint("thread_id", { mode: "number" })
      .notNull()
      .references(() => threads.id, { onDelete: "cascade" }),
    lastReadNumber: integer("last_read_number").notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.threadId] })],
);
