import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { buttonClasses, ButtonLink } from "@/components/ui/button";
import { departementName } from "@/lib/offers/departements";
import { applyHref, offerPlace, offerSalary } from "@/lib/offers/labels";
import type { OfferSummary } from "@/lib/offers/types";
import type { ApplicationStatus } from "@/lib/offers/constants";
import { OfferStatusButton, SaveOfferButton } from "./offer-actions";
import { OfferBadges } from "./offer-badges";
import { calendarDate } from "./offer-list";
import { translateKey } from "@/lib/i18n/translate-key";

type OfferDetailsProps = {
  offer: OfferSummary;
  isExpired: boolean;
  canEdit: boolean;
  editHref: string;
  /** Null for visitors; the viewer's tracker entry when they saved the offer. */
  tracker: { canTrack: boolean; entry: { id: number; status: ApplicationStatus } | null };
  jsonLd: string;
};

/** The structured part of an offer, shown above its description on the thread page. */
export function OfferDetails({ offer, isExpired, canEdit, editHref, tracker, jsonLd }: OfferDetailsProps) {
  const t = useTranslations("offers");
  const format = useFormatter();
  const day = (date: string) =>
    format.dateTime(calendarDate(date), { weekday: "long", day: "numeric", month: "long", year: "numeric" });
  const isFilled = offer.filledAt !== null;
  const isOpen = !isExpired && !isFilled;
  const isEmail = !/^https?:/i.test(offer.howToApply);
  const salary = offerSalary(offer, (key, values) => translateKey(t, key, values));
  const region = departementName(offer.department);
  const facts: [string, string][] = [
    [t("detail.organisation"), `${offer.organisation} · ${t(`family.${offer.essFamily}`)}`],
    [t("detail.place"), `${offerPlace(offer)}${region ? ` · ${region}` : ""}`],
    [t("detail.contract"), t(`contract.${offer.contract}`)],
    [t("detail.workMode"), t(`workMode.${offer.workMode}`)],
    [t("detail.salary"), salary ?? t("detail.notSpecified")],
    [t("detail.startDate"), day(offer.startDate)],
    [t("detail.deadline"), offer.deadline ? day(offer.deadline) : t("detail.noDeadline")],
  ];
  return (
    <section
      aria-labelledby="offer-facts-heading"
      className="flex flex-col gap-4 rounded-2xl border border-line bg-white p-4 shadow-sm sm:p-6"
    >
      {/* JSON-LD: serialised with every "<" escaped (lib/offers/json-ld), so it cannot close this script. */}
      <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: jsonLd }} />
      <OfferBadges
        contract={offer.contract}
        workMode={offer.workMode}
        isExpired={isExpired}
        isFilled={isFilled}
        isShared={offer.origin === "shared"}
      />
      {isExpired ? (
        <Alert tone="info">
          {t("detail.expiredNotice", { date: format.dateTime(offer.expiresAt, { dateStyle: "long" }) })}
        </Alert>
      ) : null}
      {isFilled ? <Alert tone="success">{t("detail.filledNotice")}</Alert> : null}
      <h2 id="offer-facts-heading" className="text-lg font-bold">
        {t("detail.heading")}
      </h2>
      <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-2">
        {facts.map(([label, value]) => (
          <div key={label} className="flex flex-col">
            <dt className="text-sm font-semibold text-muted">{label}</dt>
            <dd className="text-ink">{value}</dd>
          </div>
        ))}
      </dl>
      {offer.origin === "shared" ? (
        <p className="rounded-lg bg-sand/70 px-3 py-2 text-sm">
          {t("detail.sharedBy")}{" "}
          {offer.sourceUrl ? (
            <a href={offer.sourceUrl} rel="nofollow noopener noreferrer" className="font-semibold text-teal underline">
              {t("detail.source")}
            </a>
          ) : null}
        </p>
      ) : null}
      <div className="flex flex-wrap items-center gap-3">
        {isOpen ? (
          <a
            href={applyHref(offer.howToApply)}
            rel="nofollow noopener noreferrer"
            className={buttonClasses("primary", "md", "whitespace-normal text-center")}
          >
            {isEmail ? t("detail.applyByEmail") : t("detail.apply")}
          </a>
        ) : null}
        {isOpen && isEmail ? <span className="break-all text-sm text-ink">{offer.howToApply}</span> : null}
        {tracker.entry ? (
          <Link href="/applications" className="font-semibold text-teal underline">
            {t("detail.savedIn", { status: t(`status.${tracker.entry.status}`) })}
          </Link>
        ) : tracker.canTrack && !canEdit ? (
          <SaveOfferButton threadId={offer.threadId} />
        ) : null}
      </div>
      {canEdit ? (
        <div className="flex flex-wrap items-center gap-3 border-t border-line pt-4">
          <span className="text-sm font-semibold">{t("detail.authorActions")}</span>
          <ButtonLink href={editHref} variant="secondary" size="sm">
            {t("detail.edit")}
          </ButtonLink>
          <OfferStatusButton threadId={offer.threadId} isFilled={isFilled} />
        </div>
      ) : null}
      <p className="text-sm text-muted">{t("detail.questions")}</p>
    </section>
  );
}
