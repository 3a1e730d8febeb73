import { sql } from "drizzle-orm";
import { index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "./users";

/** What an export is doing: queued and building in the job queue, then ready (7 days) or failed. */
export const dataExportStatuses = ["pending", "ready", "failed"] as const;
export type DataExportStatus = (typeof dataExportStatuses)[number];

/**
 * A member's export of their data (`/settings/donnees`): a ZIP built by the job queue, stored
 * under `storageKey` in lib/storage, downloadable by that member only until `expiresAt`.
 */
export const dataExports = pgTable(
  "data_exports",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    status: text("status", { enum: dataExportStatuses }).notNull().default("pending"),
    storageKey: text("storage_key"),
    byteSize: integer("byte_size"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    readyAt: timestamp("ready_at", { withTimezone: true }),
    expiresAt: timestamp("expires_at", { withTimezone: true }),
  },
  (t) => [
    index("data_exports_user_idx").on(t.userId, t.createdAt),
    // One export in progress per member: a second request returns the running one.
    uniqueIndex("data_exports_one_pending_idx")
      .on(t.userId)
      .where(sql`${t.status} = 'pending'`),
  ],
);

export type DataExport = typeof dataExports.$inferSelect;
