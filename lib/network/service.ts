import "server-only";
import type { DbOrTx } from "@/db";
import {
  countNetworkOffers,
  createNetworkSource,
  deleteNetworkSource,
  getNetworkSource,
  listNetworkOffers,
  listNetworkSources,
  recordNetworkSourceError,
  replaceNetworkOffers,
  type NetworkOfferFilters,
} from "@/db/queries/network";
import type { NetworkSource } from "@/db/schema";
import type { ServiceContext } from "@/lib/context";
import { AppError } from "@/lib/errors";
import { canManageNetwork } from "@/lib/permissions";
import { absoluteUrl } from "@/lib/urls";
import type { AddNetworkSourceInput } from "@/lib/validation/network";
import { networkPolicy } from "./policy";
import { fetchRemoteOffers } from "./remote-offers";

export type RefreshOutcome =
  { ok: true; kept: number; removed: number; skipped: number } | { ok: false; error: string };

/**
 * Reads a followed community's open offers and makes the copies here match them. A source that
 * cannot be read keeps the offers copied before (its error is shown to admins): an instance
 * briefly down must not empty the list.
 */
export async function refreshNetworkSource(db: DbOrTx, source: NetworkSource): Promise<RefreshOutcome> {
  try {
    const { offers, skipped } = await fetchRemoteOffers(source.baseUrl, networkPolicy());
    const result = await replaceNetworkOffers(db, { sourceId: source.id, offers, fetchedAt: new Date() });
    return { ok: true, ...result, skipped };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await recordNetworkSourceError(db, { sourceId: source.id, error: message });
    console.warn(`[network] ${source.baseUrl}: ${message}`);
    return { ok: false, error: message };
  }
}

/** The job queue's refresh: each source in turn, one failure never stopping the others. */
export async function refreshAllNetworkSources(db: DbOrTx): Promise<number> {
  const sources = await listNetworkSources(db);
  for (const source of sources) await refreshNetworkSource(db, source);
  return sources.length;
}

function requireManager({ actor }: ServiceContext) {
  if (!canManageNetwork(actor)) throw new AppError("not_found");
}

export async function listFollowedCommunities(ctx: ServiceContext) {
  requireManager(ctx);
  return listNetworkSources(ctx.db);
}

/** Follows another community and reads its offers at once, so the admin sees the result. */
export async function followCommunity(ctx: ServiceContext, input: AddNetworkSourceInput) {
  requireManager(ctx);
  if (input.url === new URL(absoluteUrl("/")).origin)
    throw new AppError("bad_request", "network.urlSelf", { field: "url" });
  const source = await createNetworkSource(ctx.db, { name: input.name, baseUrl: input.url, addedById: ctx.actor!.id });
  if (!source) throw new AppError("conflict", "network.urlTaken", { field: "url" });
  return { source, refresh: await refreshNetworkSource(ctx.db, source) };
}

export async function refreshFollowedCommunity(ctx: ServiceContext, sourceId: number) {
  requireManager(ctx);
  const source = await getNetworkSource(ctx.db, { id: sourceId });
  if (!source) throw new AppError("not_found");
  return refreshNetworkSource(ctx.db, source);
}

export async function unfollowCommunity(ctx: ServiceContext, sourceId: number) {
  requireManager(ctx);
  if (!(await deleteNetworkSource(ctx.db, { id: sourceId }))) throw new AppError("not_found");
}

/** "Offres du réseau": public, like the offers they copy. */
export async function browseNetworkOffers(
  { db }: ServiceContext,
  params: { filters: NetworkOfferFilters; cursor?: string },
) {
  const [page, sources] = await Promise.all([listNetworkOffers(db, params), listNetworkSources(db)]);
  return { ...page, sources: sources.map(({ id, name, offerCount }) => ({ id, name, offerCount })) };
}

/** How many open offers "Offres du réseau" lists (the offers channel links to it when there are some). */
export async function countOpenNetworkOffers({ db }: ServiceContext): Promise<number> {
  return countNetworkOffers(db);
}
