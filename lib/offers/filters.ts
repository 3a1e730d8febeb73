import "server-only";
import type { OfferFilters } from "@/lib/validation/offers";

const ORDER = ["contract", "workMode", "department", "family", "open"] as const;

/**
 * The query string of a filtered view, keys in a fixed order so one view has one address
 * (shareable, cacheable). Shared by the page, its pagination links, the feeds and the API.
 */
export function filtersToQuery(filters: OfferFilters, extra: Record<string, string | undefined> = {}): string {
  const params = new URLSearchParams();
  for (const key of ORDER) {
    const value = filters[key];
    if (value === undefined || value === false) continue;
    params.set(key, value === true ? "1" : value);
  }
  for (const [key, value] of Object.entries(extra)) if (value) params.set(key, value);
  const query = params.toString();
  return query ? `?${query}` : "";
}

export function hasFilters(filters: OfferFilters): boolean {
  return countFilters(filters) > 0;
}

/** How many filters are on, for the folded "Filtres (2)" button. */
export function countFilters(filters: OfferFilters): number {
  return ORDER.filter((key) => filters[key] !== undefined && filters[key] !== false).length;
}
