import { useTranslations } from "next-intl";
import { RelativeTime } from "@/components/forum/relative-time";
import { OfferBadges } from "@/components/offers/offer-badges";
import type { NetworkOfferEntry } from "@/lib/network/types";
import { offerPlace } from "@/lib/offers/labels";

/** Offers of followed communities: attributed ("via …") and linked to the original, which stays the reference. */
export function NetworkOfferList({ offers }: { offers: NetworkOfferEntry[] }) {
  const t = useTranslations("offers");
  const tNetwork = useTranslations("network");
  return (
    <ul className="flex flex-col gap-3">
      {offers.map((offer) => (
        <li key={offer.id}>
          <article className="flex flex-col gap-2 rounded-2xl border border-line bg-white p-4 shadow-sm sm:p-5">
            <OfferBadges contract={offer.contract} workMode={offer.workMode} />
            <h3 className="text-lg leading-snug font-bold">
              <a
                href={offer.url}
                rel="noopener noreferrer nofollow"
                className="text-ink hover:text-brand hover:underline"
              >
                {offer.title}
              </a>
            </h3>
            <p className="font-semibold text-ink">
              {offer.organisation} <span className="font-normal text-muted">· {t(`family.${offer.essFamily}`)}</span>
            </p>
            <p className="text-sm text-ink">{offerPlace(offer)}</p>
            <p className="flex flex-wrap gap-x-2 text-sm text-muted">
              <span className="font-semibold text-teal">{tNetwork("via", { source: offer.sourceName })}</span>
              <span aria-hidden="true">·</span>
              <span>
                {t("list.published")} <RelativeTime date={offer.publishedAt} />
              </span>
            </p>
          </article>
        </li>
      ))}
    </ul>
  );
}
