import { sql } from "drizzle-orm";
import { bigint, check, index, integer, jsonb, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { helpAudiences } from "@/lib/domain/help";
import type { RichTextDocument } from "@/lib/domain/rich-text";
import { users } from "./users";

export { helpAudiences };

export const helpAudience = pgEnum("help_audience", helpAudiences);

/**
 * The in-app help (`/aide`): short pages for members and for the facilitators, edited by admins
 * and shipped with the programme template. The body is stored like a post's: the validated
 * document, its HTML rendered once at write time (allow-listed, escaped) and its plain text.
 */
export const helpPages = pgTable(
  "help_pages",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    /** Stable: `/aide/<slug>`, links between pages and templates rely on it. */
    slug: text("slug").notNull().unique(),
    audience: helpAudience("audience").notNull().default("member"),
    title: text("title").notNull(),
    body: jsonb("body").$type<RichTextDocument>().notNull(),
    /** Derived from `body` by lib/help/content.ts at write time: readers never pay for it. */
    bodyHtml: text("body_html").notNull().default(""),
    bodyText: text("body_text").notNull().default(""),
    position: integer("position").notNull().default(0),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    /** The admin who last changed it; null for pages written by a template (seed, setup wizard). */
    updatedById: uuid("updated_by_id").references(() => users.id, { onDelete: "set null" }),
  },
  (t) => [
    index("help_pages_order_idx").on(t.audience, t.position, t.id),
    check("help_pages_position_check", sql`${t.position} >= 0`),
  ],
);

export type HelpPageRow = typeof helpPages.$inferSelect;
