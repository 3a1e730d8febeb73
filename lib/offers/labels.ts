import "server-only";
import type { OfferFields } from "./types";

/** A translator of the `offers` namespace (next-intl's, or a stub in tests). */
export type OffersTranslate = (key: string, values?: Record<string, string | number>) => string;

export function offerPlace(offer: Pick<OfferFields, "city" | "department">): string {
  return `${offer.city} (${offer.department})`;
}

/** "Coopérative X · CDI · Lyon (69) · Hybride": the line under an offer's title, in feeds and previews. */
export function offerSummaryLine(
  offer: Pick<OfferFields, "organisation" | "contract" | "city" | "department" | "workMode">,
  t: OffersTranslate,
): string {
  return [offer.organisation, t(`contract.${offer.contract}`), offerPlace(offer), t(`workMode.${offer.workMode}`)].join(
    " · ",
  );
}

const euros = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 0 });

/** "32 000 – 36 000 € par an (brut)", or null when no salary was given. */
export function offerSalary(
  offer: Pick<OfferFields, "salaryMin" | "salaryMax" | "salaryPeriod">,
  t: OffersTranslate,
): string | null {
  const period = t(`salaryPeriod.${offer.salaryPeriod}`);
  if (offer.salaryMin !== null && offer.salaryMax !== null && offer.salaryMin !== offer.salaryMax) {
    return t("detail.salaryRange", { min: euros.format(offer.salaryMin), max: euros.format(offer.salaryMax), period });
  }
  if (offer.salaryMin !== null) return t("detail.salaryFrom", { min: euros.format(offer.salaryMin), period });
  if (offer.salaryMax !== null) return t("detail.salaryUpTo", { max: euros.format(offer.salaryMax), period });
  return null;
}

/** Where the "Postuler" button leads: the address, or a mailto: link. */
export function applyHref(howToApply: string): string {
  return /^https?:\/\//i.test(howToApply) ? howToApply : `mailto:${howToApply}`;
}
