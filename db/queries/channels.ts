import { and, asc, eq, isNull, notInArray } from "drizzle-orm";
import type { DbOrTx } from "../client";
import { channels, type Channel } from "../schema";

export async function listChannels(db: DbOrTx): Promise<Channel[]> {
  return db.select().from(channels).orderBy(asc(channels.position), asc(channels.id));
}

export async function getChannelBySlug(db: DbOrTx, { slug }: { slug: string }): Promise<Channel | null> {
  const [row] = await db.select().from(channels).where(eq(channels.slug, slug)).limit(1);
  return row ?? null;
}

export type ChannelFromTemplate = {
  slug: string;
  kind: Channel["kind"];
  name: string;
  nameEn: string | null;
  description: string;
  rules: string;
  visibility: Channel["visibility"];
  allowsQuestions: boolean;
  position: number;
};

/**
 * Writes a programme template's channel: an existing slug keeps its kind (its threads depend on
 * it) and gets the template's texts, visibility and order (and is restored if it was archived);
 * a new slug is created. Never deletes.
 */
export async function upsertChannelFromTemplate(db: DbOrTx, channel: ChannelFromTemplate) {
  const { kind, ...texts } = channel;
  const [row] = await db
    .insert(channels)
    .values({ ...texts, kind, docKind: null })
    .onConflictDoUpdate({
      target: channels.slug,
      set: {
        name: texts.name,
        nameEn: texts.nameEn,
        description: texts.description,
        rules: texts.rules,
        visibility: texts.visibility,
        allowsQuestions: texts.allowsQuestions,
        position: texts.position,
        archivedAt: null,
      },
    })
    .returning();
  return row!;
}

/** Archives the channels a programme template no longer names (never deletes); returns their slugs. */
export async function archiveChannelsNotIn(db: DbOrTx, { slugs, now = new Date() }: { slugs: string[]; now?: Date }) {
  const rows = await db
    .update(channels)
    .set({ archivedAt: now })
    .where(and(isNull(channels.archivedAt), slugs.length ? notInArray(channels.slug, slugs) : undefined))
    .returning({ slug: channels.slug });
  return rows.map((row) => row.slug);
}
