import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { RelativeTime } from "@/components/forum/relative-time";
import { offerPlace, offerSalary } from "@/lib/offers/labels";
import type { OfferSummary } from "@/lib/offers/types";
import { OfferBadges } from "./offer-badges";
import { translateKey } from "@/lib/i18n/translate-key";

export type OfferListEntry = OfferSummary & { href: string; isSaved: boolean };

/** Calendar days are formatted at noon UTC, so no time zone can move them to another day. */
export function calendarDate(date: string): Date {
  return new Date(`${date}T12:00:00Z`);
}

export function OfferList({ offers }: { offers: OfferListEntry[] }) {
  const t = useTranslations("offers");
  const format = useFormatter();
  const day = (date: string) => format.dateTime(calendarDate(date), { day: "numeric", month: "long", year: "numeric" });
  return (
    <ul className="flex flex-col gap-3">
      {offers.map((offer) => {
        const salary = offerSalary(offer, (key, values) => translateKey(t, key, values));
        return (
          <li key={offer.threadId}>
            <article className="flex flex-col gap-2 rounded-2xl border border-line bg-white p-4 shadow-sm sm:p-5">
              <OfferBadges
                contract={offer.contract}
                workMode={offer.workMode}
                isFilled={offer.filledAt !== null}
                isShared={offer.origin === "shared"}
                isSaved={offer.isSaved}
              />
              <h3 className="text-lg font-bold leading-snug">
                <Link href={offer.href} className="text-ink hover:text-brand hover:underline">
                  {offer.title}
                </Link>
              </h3>
              <p className="font-semibold text-ink">
                {offer.organisation} <span className="font-normal text-muted">· {t(`family.${offer.essFamily}`)}</span>
              </p>
              <p className="flex flex-wrap gap-x-3 gap-y-1 text-sm text-ink">
                <span>{offerPlace(offer)}</span>
                {salary ? <span>{salary}</span> : null}
                <span>{t("list.startOn", { date: day(offer.startDate) })}</span>
                {offer.deadline ? (
                  <span className="font-semibold">{t("list.deadlineOn", { date: day(offer.deadline) })}</span>
                ) : null}
              </p>
              <p className="flex flex-wrap gap-x-2 text-sm text-muted">
                <span>
                  {t("list.published")} <RelativeTime date={offer.publishedAt} />
                </span>
                <span aria-hidden="true">·</span>
                <span>{t("list.replies", { count: offer.replyCount })}</span>
              </p>
            </article>
          </li>
        );
      })}
    </ul>
  );
}
