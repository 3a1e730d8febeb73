import { bigint, index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { posts } from "./forum";
import { users } from "./users";

/**
 * Uploaded files (CVs, letters, recordings). The bytes live in lib/storage under `storageKey`;
 * this row says whose they are and what they are, as checked by content at upload time.
 */
export const storedFiles = pgTable(
  "stored_files",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    ownerId: uuid("owner_id")
      .notNull()
      .references(() => users.id),
    storageKey: text("storage_key").notNull().unique(),
    /** Decided by us from the content (e.g. `application/pdf`), never the browser's claim. */
    contentType: text("content_type").notNull(),
    byteSize: integer("byte_size").notNull(),
    pageCount: integer("page_count"),
    /** Shown to readers and used as the download name, after cleaning. */
    originalName: text("original_name").notNull().default(""),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("stored_files_owner_idx").on(t.ownerId, t.createdAt)],
);

/**
 * A file carried by a post (today: a peer's recorded answer to a pitch). Who may fetch it
 * follows the post: readers of its thread, and only while the post is neither deleted nor
 * hidden from them. Deleting the post deletes the file (lib/forum/service removePost).
 */
export const postAttachments = pgTable(
  "post_attachments",
  {
    fileId: uuid("file_id")
      .primaryKey()
      .references(() => storedFiles.id, { onDelete: "cascade" }),
    postId: bigint("post_id", { mode: "number" })
      .notNull()
      .references(() => posts.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("post_attachments_post_idx").on(t.postId)],
);

export type StoredFile = typeof storedFiles.$inferSelect;
export type PostAttachment = typeof postAttachments.$inferSelect;
