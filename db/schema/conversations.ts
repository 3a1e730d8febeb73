import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import type { ReportedMessageContext } from "@/lib/domain/conversations";
import type { RichTextDocument } from "@/lib/domain/rich-text";
import { storedFiles } from "./files";
import { reportStatus } from "./moderation";
import { reactionEmoji } from "./posts-extra";
import { users } from "./users";

/**
 * A private conversation (one-to-one or a small group). Messages are numbered per conversation
 * in commit order (`lastNumber` is bumped under the row's lock), which is what catch-up after a
 * reconnection relies on, as with thread posts.
 */
export const conversations = pgTable(
  "conversations",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    /** A group's name (optional); one-to-one conversations show the other person's name. */
    title: text("title"),
    isGroup: boolean("is_group").notNull().default(false),
    createdById: uuid("created_by_id").references(() => users.id, { onDelete: "set null" }),
    lastNumber: integer("last_number").notNull().default(0),
    lastMessageAt: timestamp("last_message_at", { withTimezone: true }).notNull().defaultNow(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("conversations_last_message_idx").on(t.lastMessageAt, t.id)],
);

/** Who is in a conversation, how far they read, and whether they archived or left it. */
export const conversationParticipants = pgTable(
  "conversation_participants",
  {
    conversationId: bigint("conversation_id", { mode: "number" })
      .notNull()
      .references(() => conversations.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** The number of the last message this participant has seen ("vu"). */
    lastReadNumber: integer("last_read_number").notNull().default(0),
    /** Archived: out of the main list until a new message arrives. */
    archivedAt: timestamp("archived_at", { withTimezone: true }),
    /** Left: no longer reads nor receives anything of the conversation. */
    leftAt: timestamp("left_at", { withTimezone: true }),
    joinedAt: timestamp("joined_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.conversationId, t.userId] }),
    index("conversation_participants_user_idx").on(t.userId, t.conversationId),
  ],
);

/** One message. Body, HTML and text as for posts (validated, rendered once by lib/forum/content). */
export const conversationMessages = pgTable(
  "conversation_messages",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    conversationId: bigint("conversation_id", { mode: "number" })
      .notNull()
      .references(() => conversations.id, { onDelete: "cascade" }),
    number: integer("number").notNull(),
    authorId: uuid("author_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    body: jsonb("body").$type<RichTextDocument>().notNull(),
    bodyHtml: text("body_html").notNull(),
    bodyText: text("body_text").notNull(),
    version: integer("version").notNull().default(1),
    /** One submission, one message: a retried send with the same key returns the first. */
    idempotencyKey: uuid("idempotency_key").notNull(),
    editedAt: timestamp("edited_at", { withTimezone: true }),
    deletedAt: timestamp("deleted_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("conversation_messages_number_idx").on(t.conversationId, t.number),
    uniqueIndex("conversation_messages_idempotency_idx").on(t.authorId, t.idempotencyKey),
  ],
);

/** Earlier versions of an edited message (the history participants can open). */
export const conversationMessageRevisions = pgTable(
  "conversation_message_revisions",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    messageId: bigint("message_id", { mode: "number" })
      .notNull()
      .references(() => conversationMessages.id, { onDelete: "cascade" }),
    version: integer("version").notNull(),
    bodyHtml: text("body_html").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("conversation_message_revisions_idx").on(t.messageId, t.version)],
);

/**
 * A file a message carries (a PDF CV, a recorded pitch), checked by content at upload like review
 * files. Only the conversation's current participants may fetch it; it goes with the message's
 * deletion by its author (lib/messages/attachments) and with its owner's erasure (the file row).
 */
export const conversationMessageFiles = pgTable(
  "conversation_message_files",
  {
    fileId: uuid("file_id")
      .primaryKey()
      .references(() => storedFiles.id, { onDelete: "cascade" }),
    messageId: bigint("message_id", { mode: "number" })
      .notNull()
      .references(() => conversationMessages.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("conversation_message_files_message_idx").on(t.messageId)],
);

/** Reactions on a message: the posts' emoji set, one of each per participant. */
export const conversationMessageReactions = pgTable(
  "conversation_message_reactions",
  {
    messageId: bigint("message_id", { mode: "number" })
      .notNull()
      .references(() => conversationMessages.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    emoji: reactionEmoji("emoji").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.messageId, t.userId, t.emoji] })],
);

/** A member blocks another: no messages, no group invitations, no mention notifications from them. */
export const userBlocks = pgTable(
  "user_blocks",
  {
    blockerId: uuid("blocker_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    blockedId: uuid("blocked_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.blockerId, t.blockedId] }), index("user_blocks_blocked_idx").on(t.blockedId)],
);

/** Who may start a conversation with a member, and their buddy volunteering. Absent row: defaults. */
export const messagingSettings = pgTable("messaging_settings", {
  userId: uuid("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  /** Pros choose whether members may start conversations with them. */
  acceptsNewConversations: boolean("accepts_new_conversations").notNull().default(true),
  /** Shown where a conversation can be started ("répond en général sous 3 jours"). */
  availabilityNote: text("availability_note").notNull().default(""),
  /** A volunteer buddy takes up to this many newcomers; 0 is not volunteering. */
  buddyCapacity: integer("buddy_capacity").notNull().default(0),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/**
 * A reported message: the facilitators see the `context` snapshot (the reported message and the
 * few before it), never the rest of the conversation.
 */
export const messageReports = pgTable(
  "message_reports",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    messageId: bigint("message_id", { mode: "number" })
      .notNull()
      .references(() => conversationMessages.id, { onDelete: "cascade" }),
    reporterId: uuid("reporter_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** The author of the reported message (what the facilitators may act on). */
    reportedUserId: uuid("reported_user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    reason: text("reason").notNull(),
    context: jsonb("context").$type<ReportedMessageContext[]>().notNull(),
    status: reportStatus("status").notNull().default("open"),
    resolvedById: uuid("resolved_by_id").references(() => users.id),
    resolvedAt: timestamp("resolved_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("message_reports_open_unique_idx")
      .on(t.messageId, t.reporterId)
      .where(sql`${t.status} = 'open'`),
    index("message_reports_queue_idx").on(t.status, t.createdAt, t.id),
  ],
);

/** A newcomer paired with a volunteer buddy by a facilitator; one open pair per newcomer. */
export const buddyPairs = pgTable(
  "buddy_pairs",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    newcomerId: uuid("newcomer_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    buddyId: uuid("buddy_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    conversationId: bigint("conversation_id", { mode: "number" }).references(() => conversations.id, {
      onDelete: "set null",
    }),
    createdById: uuid("created_by_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    endedAt: timestamp("ended_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("buddy_pairs_open_newcomer_idx")
      .on(t.newcomerId)
      .where(sql`${t.endedAt} is null`),
    index("buddy_pairs_buddy_idx").on(t.buddyId),
  ],
);

export type Conversation = typeof conversations.$inferSelect;
export type ConversationMessage = typeof conversationMessages.$inferSelect;
export type MessageReport = typeof messageReports.$inferSelect;
export type BuddyPair = typeof buddyPairs.$inferSelect;
export type { ReportedMessageContext };
