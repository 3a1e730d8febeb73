import "server-only";
import { isOfferExpired } from "./expiry";
import type { OfferSummary } from "./types";

/** An offer as the JSON API returns it: stable field names, absolute URL, no internal ids of people. */
export function toApiOffer(offer: OfferSummary, url: string, now: Date = new Date()) {
  return {
    id: offer.threadId,
    url,
    title: offer.title,
    organisation: offer.organisation,
    essFamily: offer.essFamily,
    contract: offer.contract,
    city: offer.city,
    department: offer.department,
    workMode: offer.workMode,
    salary:
      offer.salaryMin !== null || offer.salaryMax !== null
        ? { min: offer.salaryMin, max: offer.salaryMax, period: offer.salaryPeriod, currency: "EUR" }
        : null,
    startDate: offer.startDate,
    deadline: offer.deadline,
    howToApply: offer.howToApply,
    origin: offer.origin,
    sourceUrl: offer.sourceUrl,
    status: offer.filledAt ? "filled" : isOfferExpired(offer, now) ? "expired" : "open",
    publishedAt: offer.publishedAt.toISOString(),
    expiresAt: offer.expiresAt.toISOString(),
    updatedAt: offer.updatedAt.toISOString(),
    excerpt: offer.excerpt,
    publishedBy: { name: offer.author.name, role: offer.author.role, organisation: offer.author.organisation },
  };
}
