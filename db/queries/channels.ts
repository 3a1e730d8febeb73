import { asc, eq } from "drizzle-orm";
import type { DbOrTx } from "../client";
import { channels, type Channel } from "../schema";

export async function listChannels(db: DbOrTx): Promise<Channel[]> {
  return db.select().from(channels).orderBy(asc(channels.position), asc(channels.id));
}

export async function getChannelBySlug(db: DbOrTx, { slug }: { slug: string }): Promise<Channel | null> {
  const [row] = await db.select().from(channels).where(eq(channels.slug, slug)).limit(1);
  return row ?? null;
}
