import "server-only";
import { employmentTypes } from "./constants";
import { departementName } from "./departements";
import type { OfferDetail } from "./types";

/**
 * schema.org JobPosting for an offer page (search engines, job aggregators).
 * https://schema.org/JobPosting
 */
export function jobPostingJsonLd(offer: OfferDetail, url: string): Record<string, unknown> {
  const isRemote = offer.workMode === "remote";
  return {
    "@context": "https://schema.org",
    "@type": "JobPosting",
    title: offer.title,
    description: offer.opening.bodyHtml,
    url,
    identifier: { "@type": "PropertyValue", name: "Pro'pulse", value: String(offer.threadId) },
    datePosted: offer.publishedAt.toISOString(),
    validThrough: offer.expiresAt.toISOString(),
    jobStartDate: offer.startDate,
    employmentType: employmentTypes[offer.contract],
    hiringOrganization: { "@type": "Organization", name: offer.organisation },
    jobLocation: {
      "@type": "Place",
      address: {
        "@type": "PostalAddress",
        addressLocality: offer.city,
        addressRegion: departementName(offer.department) ?? offer.department,
        addressCountry: "FR",
      },
    },
    ...(isRemote
      ? { jobLocationType: "TELECOMMUTE", applicantLocationRequirements: { "@type": "Country", name: "France" } }
      : {}),
    ...(offer.salaryMin !== null || offer.salaryMax !== null
      ? {
          baseSalary: {
            "@type": "MonetaryAmount",
            currency: "EUR",
            value: {
              "@type": "QuantitativeValue",
              ...(offer.salaryMin !== null ? { minValue: offer.salaryMin } : {}),
              ...(offer.salaryMax !== null ? { maxValue: offer.salaryMax } : {}),
              unitText: offer.salaryPeriod === "month" ? "MONTH" : "YEAR",
            },
          },
        }
      : {}),
    directApply: false,
  };
}

/**
 * JSON for a <script type="application/ld+json">: `<` (and `>`, `&`) become \u escapes so
 * text like "</script><script>…" written in an offer can never close the script element.
 */
export function serializeJsonLd(data: unknown): string {
  return JSON.stringify(data)
    .replace(/</g, "\\u003c")
    .replace(/>/g, "\\u003e")
    .replace(/&/g, "\\u0026")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}
