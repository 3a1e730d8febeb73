import "server-only";
import { translateKey } from "@/lib/i18n/translate-key";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/lib/db";
import { escapeHtml } from "@/lib/editor/render";
import { listOffers, listOpeningHtml } from "@/db/queries/offers";
import { parseOfferFilters, type OfferFilters } from "@/lib/validation/offers";
import type { FeedInput } from "./feeds";
import { filtersToQuery } from "./filters";
import { offerSummaryLine } from "./labels";
import { offerPath } from "./service";
import { absoluteUrl } from "@/lib/urls";

const FEED_SIZE = 50;

/**
 * The newest open offers matching the filters of a feed address, ready for the Atom or JSON
 * Feed builder. Feeds are public and in French (the community's language). Two queries.
 */
export async function loadOffersFeed(url: URL, format: "xml" | "json"): Promise<FeedInput> {
  const filters: OfferFilters = parseOfferFilters(Object.fromEntries(url.searchParams));
  const query = filtersToQuery(filters);
  const t = await getTranslations({ locale: "fr", namespace: "offers" });
  const translate = (key: string, values?: Record<string, string | number>) => translateKey(t, key, values);
  const { items } = await listOffers(getDb(), { filters: { ...filters, open: true }, limit: FEED_SIZE });
  const bodies = await listOpeningHtml(getDb(), { threadIds: items.map((offer) => offer.threadId) });
  const labels = [
    filters.contract ? t(`contract.${filters.contract}`) : null,
    filters.workMode ? t(`workMode.${filters.workMode}`) : null,
    filters.department ?? null,
    filters.family ? t(`family.${filters.family}`) : null,
  ].filter(Boolean);
  return {
    title: labels.length ? t("feed.filteredTitle", { filters: labels.join(", ") }) : t("feed.title"),
    pageUrl: absoluteUrl(`/c/offres${query}`),
    selfUrl: absoluteUrl(`/feeds/offres.${format}${query}`),
    language: "fr",
    entries: items.map((offer) => {
      const link = absoluteUrl(offerPath(offer));
      const summary = offerSummaryLine(offer, translate);
      return {
        id: link,
        url: link,
        title: `${offer.title} · ${offer.organisation}`,
        summary,
        contentHtml: `<p><strong>${escapeHtml(summary)}</strong></p>${bodies.get(offer.threadId) ?? ""}`,
        published: offer.publishedAt,
        updated: offer.updatedAt > offer.publishedAt ? offer.updatedAt : offer.publishedAt,
        authorName: offer.origin === "shared" ? offer.author.name : offer.organisation,
        tags: [
          t(`contract.${offer.contract}`),
          t(`workMode.${offer.workMode}`),
          t(`family.${offer.essFamily}`),
          offer.department,
        ],
      };
    }),
  };
}
