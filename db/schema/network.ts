import { bigint, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { essFamily, offerContract, workMode } from "./offers";
import { users } from "./users";

/**
 * Other communities whose public job offers this one follows ("Offres du réseau"): an admin adds
 * one by its address; the job queue reads its offers API and keeps a copy below.
 */
export const networkSources = pgTable(
  "network_sources",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    /** The other instance's origin (`https://entraide-lyon.example`), no path. */
    baseUrl: text("base_url").notNull(),
    /** How its offers are attributed here ("via Entraide emploi Lyon"). */
    name: text("name").notNull(),
    addedById: uuid("added_by_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    lastFetchedAt: timestamp("last_fetched_at", { withTimezone: true }),
    /** The last refresh's failure (in English, for admins), null after a success. */
    lastError: text("last_error"),
  },
  (t) => [uniqueIndex("network_sources_base_url_key").on(t.baseUrl)],
);

/** A copy of one open offer of a followed community; the link goes back to it. */
export const networkOffers = pgTable(
  "network_offers",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    sourceId: bigint("source_id", { mode: "number" })
      .notNull()
      .references(() => networkSources.id, { onDelete: "cascade" }),
    /** The offer's id on the other instance. */
    remoteId: integer("remote_id").notNull(),
    url: text("url").notNull(),
    title: text("title").notNull(),
    organisation: text("organisation").notNull(),
    essFamily: essFamily("ess_family").notNull(),
    contract: offerContract("contract").notNull(),
    workMode: workMode("work_mode").notNull(),
    city: text("city").notNull(),
    department: text("department").notNull(),
    excerpt: text("excerpt").notNull().default(""),
    publishedAt: timestamp("published_at", { withTimezone: true }).notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    fetchedAt: timestamp("fetched_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("network_offers_source_remote_key").on(t.sourceId, t.remoteId),
    index("network_offers_published_idx").on(t.publishedAt.desc(), t.id.desc()),
    index("network_offers_url_idx").on(t.url),
  ],
);

export type NetworkSource = typeof networkSources.$inferSelect;
export type NetworkOffer = typeof networkOffers.$inferSelect;
