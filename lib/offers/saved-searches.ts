import "server-only";
import {
  countSavedOfferSearches,
  deleteSavedOfferSearch,
  insertSavedOfferSearch,
  listAllSavedOfferSearches,
  listSavedOfferSearches,
} from "@/db/queries/saved-offer-searches";
import type { DbOrTx } from "@/db";
import type { ServiceContext } from "@/lib/context";
import { requireFollower } from "@/lib/notifications/service";
import { AppError } from "@/lib/errors";
import { notifyMembers } from "@/lib/notifications/fanout";

import { parseOfferFilters, type OfferFilters } from "@/lib/validation/offers";
import { filtersToQuery, hasFilters } from "./filters";
import type { OfferFields } from "./types";

/** Enough for every realistic combination; past it, one is deleted from the preferences page. */
export const MAX_SAVED_SEARCHES = 20;

/** A saved search's filters, read back from its stored query string (unknown values dropped). */
export function savedSearchFilters(query: string): OfferFilters {
  return parseOfferFilters(Object.fromEntries(new URLSearchParams(query)));
}

/** Saves the offers page's current filters (normalised, so one view is saved once). */
export async function saveOfferSearch({ db, actor }: ServiceContext, filters: OfferFilters): Promise<string> {
  requireFollower(actor);
  const query = filtersToQuery({ ...filters, open: undefined }).replace(/^\?/, "");
  if ((await countSavedOfferSearches(db, { userId: actor.id })) >= MAX_SAVED_SEARCHES) {
    throw new AppError("conflict", "notifications.savedSearch.tooMany");
  }
  await insertSavedOfferSearch(db, { userId: actor.id, query });
  return query;
}

export async function deleteOfferSearch({ db, actor }: ServiceContext, input: { id: number }): Promise<void> {
  requireFollower(actor);
  if (!(await deleteSavedOfferSearch(db, { userId: actor.id, id: input.id }))) throw new AppError("not_found");
}

export async function listMyOfferSearches({ db, actor }: ServiceContext) {
  requireFollower(actor);
  const rows = await listSavedOfferSearches(db, { userId: actor.id });
  return rows.map((row) => ({ id: row.id, query: row.query, filters: savedSearchFilters(row.query) }));
}

/** Whether an offer falls in a search: every filter the search sets must match. */
export function offerMatches(
  filters: OfferFilters,
  offer: Pick<OfferFields, "contract" | "workMode" | "department" | "essFamily">,
) {
  return (
    (!filters.contract || filters.contract === offer.contract) &&
    (!filters.workMode || filters.workMode === offer.workMode) &&
    (!filters.department || filters.department === offer.department) &&
    (!filters.family || filters.family === offer.essFamily)
  );
}

/** A new offer notifies the members whose saved searches it matches (`offer_match`). */
export async function notifyOfferMatches(
  db: DbOrTx,
  offer: Pick<OfferFields, "contract" | "workMode" | "department" | "essFamily"> & {
    threadId: number;
    postId: number;
    authorId: string;
  },
): Promise<number> {
  const searches = await listAllSavedOfferSearches(db);
  const userIds = new Set(
    searches
      .filter((search) => {
        const filters = savedSearchFilters(search.query);
        return !hasFilters(filters) || offerMatches(filters, offer);
      })
      .map((search) => search.userId),
  );
  return notifyMembers(db, {
    type: "offer_match",
    userIds: [...userIds],
    actorId: offer.authorId,
    threadId: offer.threadId,
    postId: offer.postId,
  });
}
