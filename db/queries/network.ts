import { and, asc, desc, eq, gt, notInArray, sql } from "drizzle-orm";
import type { OfferFields } from "@/lib/domain/offers";
import type { DbOrTx } from "../client";
import { jobOffers, networkOffers, networkSources, type NetworkOffer, type NetworkSource } from "../schema";
import { decodeKeyset, encodeKeyset, timestampKey, toKeysetPage } from "./keyset";

export const NETWORK_OFFERS_PAGE_SIZE = 20;

/** The fields of one offer read from another instance, as stored here. */
export type NetworkOfferInput = Omit<NetworkOffer, "id" | "sourceId" | "fetchedAt">;

export type NetworkSourceWithCount = NetworkSource & { offerCount: number };

/** Every followed community with the number of its offers kept here (admin page, two columns). */
export async function listNetworkSources(db: DbOrTx): Promise<NetworkSourceWithCount[]> {
  const counts = db
    .select({ sourceId: networkOffers.sourceId, count: sql<number>`count(*)::int`.as("count") })
    .from(networkOffers)
    .groupBy(networkOffers.sourceId)
    .as("counts");
  const rows = await db
    .select({ source: networkSources, count: counts.count })
    .from(networkSources)
    .leftJoin(counts, eq(counts.sourceId, networkSources.id))
    .orderBy(asc(networkSources.name));
  return rows.map(({ source, count }) => ({ ...source, offerCount: count ?? 0 }));
}

export async function getNetworkSource(db: DbOrTx, { id }: { id: number }): Promise<NetworkSource | null> {
  const [row] = await db.select().from(networkSources).where(eq(networkSources.id, id));
  return row ?? null;
}

/** Null when that address is already followed (unique base URL). */
export async function createNetworkSource(
  db: DbOrTx,
  params: { baseUrl: string; name: string; addedById: string },
): Promise<NetworkSource | null> {
  const [row] = await db.insert(networkSources).values(params).onConflictDoNothing().returning();
  return row ?? null;
}

/** Stops following: the copies of its offers go with it (cascade). */
export async function deleteNetworkSource(db: DbOrTx, { id }: { id: number }): Promise<boolean> {
  const rows = await db.delete(networkSources).where(eq(networkSources.id, id)).returning({ id: networkSources.id });
  return rows.length > 0;
}

/**
 * Makes the kept copies of a source's offers exactly `offers`: new ones inserted, known ones
 * updated, the ones the source no longer lists (filled, expired, deleted) removed. One
 * transaction, so readers never see a half-refreshed source.
 */
export async function replaceNetworkOffers(
  db: DbOrTx,
  { sourceId, offers, fetchedAt }: { sourceId: number; offers: NetworkOfferInput[]; fetchedAt: Date },
): Promise<{ kept: number; removed: number }> {
  return db.transaction(async (tx) => {
    if (offers.length > 0) {
      await tx
        .insert(networkOffers)
        .values(offers.map((offer) => ({ ...offer, sourceId, fetchedAt })))
        .onConflictDoUpdate({
          target: [networkOffers.sourceId, networkOffers.remoteId],
          set: {
            url: sql`excluded.url`,
            title: sql`excluded.title`,
            organisation: sql`excluded.organisation`,
            essFamily: sql`excluded.ess_family`,
            contract: sql`excluded.contract`,
            workMode: sql`excluded.work_mode`,
            city: sql`excluded.city`,
            department: sql`excluded.department`,
            excerpt: sql`excluded.excerpt`,
            publishedAt: sql`excluded.published_at`,
            expiresAt: sql`excluded.expires_at`,
            fetchedAt: sql`excluded.fetched_at`,
          },
        });
    }
    const removed = await tx
      .delete(networkOffers)
      .where(
        and(
          eq(networkOffers.sourceId, sourceId),
          offers.length > 0
            ? notInArray(
                networkOffers.remoteId,
                offers.map((offer) => offer.remoteId),
              )
            : undefined,
        ),
      )
      .returning({ id: networkOffers.id });
    await tx
      .update(networkSources)
      .set({ lastFetchedAt: fetchedAt, lastError: null })
      .where(eq(networkSources.id, sourceId));
    return { kept: offers.length, removed: removed.length };
  });
}

/** A failed refresh keeps the offers already copied (the other instance may be briefly down). */
export async function recordNetworkSourceError(db: DbOrTx, { sourceId, error }: { sourceId: number; error: string }) {
  await db
    .update(networkSources)
    .set({ lastError: error.slice(0, 500), lastFetchedAt: new Date() })
    .where(eq(networkSources.id, sourceId));
}

export type NetworkOfferFilters = {
  contract?: OfferFields["contract"];
  workMode?: OfferFields["workMode"];
  department?: string;
  sourceId?: number;
};

export type NetworkOfferEntry = NetworkOffer & { sourceName: string };

/**
 * Open copies of followed communities' offers, newest first, by keyset. Expired ones are never
 * listed (a refresh removes them; until then the date decides), nor those a member here already
 * relayed as a shared offer (same link): the community sees each offer once.
 */
export async function listNetworkOffers(
  db: DbOrTx,
  {
    filters = {},
    cursor,
    limit = NETWORK_OFFERS_PAGE_SIZE,
    now = new Date(),
  }: { filters?: NetworkOfferFilters; cursor?: string; limit?: number; now?: Date },
): Promise<{ items: NetworkOfferEntry[]; nextCursor: string | null }> {
  const after = decodeKeyset(cursor, "integer");
  const rows = await db
    .select({
      offer: networkOffers,
      sourceName: networkSources.name,
      publishedKey: timestampKey(networkOffers.publishedAt),
    })
    .from(networkOffers)
    .innerJoin(networkSources, eq(networkSources.id, networkOffers.sourceId))
    .where(
      and(
        gt(networkOffers.expiresAt, now),
        filters.contract ? eq(networkOffers.contract, filters.contract) : undefined,
        filters.workMode ? eq(networkOffers.workMode, filters.workMode) : undefined,
        filters.department ? eq(networkOffers.department, filters.department) : undefined,
        filters.sourceId ? eq(networkOffers.sourceId, filters.sourceId) : undefined,
        sql`not exists (select 1 from ${jobOffers} where ${jobOffers.sourceUrl} = ${networkOffers.url})`,
        after
          ? sql`(${networkOffers.publishedAt}, ${networkOffers.id}) < (${after.at}::timestamptz, ${after.id})`
          : undefined,
      ),
    )
    .orderBy(desc(networkOffers.publishedAt), desc(networkOffers.id))
    .limit(limit + 1);
  const page = toKeysetPage(rows, limit, (last) => encodeKeyset({ at: last.publishedKey, id: last.offer.id }));
  return {
    items: page.items.map(({ offer, sourceName }) => ({ ...offer, sourceName })),
    nextCursor: page.nextCursor,
  };
}

/** How many open network offers there are (the link from the offers channel says it). */
export async function countNetworkOffers(db: DbOrTx, { now = new Date() }: { now?: Date } = {}): Promise<number> {
  const [row] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(networkOffers)
    .where(gt(networkOffers.expiresAt, now));
  return row?.count ?? 0;
}
