import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { PrintButton } from "@/components/impact/print-button";
import { getCurrentUser } from "@/lib/auth/session";
import { contextFor } from "@/lib/context";
import { getImpactDashboard, impactRates, SMALL_GROUP } from "@/lib/impact/service";
import { canViewImpact } from "@/lib/permissions/outcomes";
import { impactFilterSchema } from "@/lib/validation/impact";

type Props = { searchParams: Promise<Record<string, string | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("impact"))("report.title") };
}

/**
 * The one-page printable report for funders: the programme's figures in its own terms, no
 * member named, and no rate computed over fewer than five people (they could be recognised).
 */
export default async function ImpactReportPage({ searchParams }: Props) {
  const user = await getCurrentUser();
  if (!canViewImpact(user)) notFound();
  const parsed = impactFilterSchema.safeParse(await searchParams);
  const dashboard = await getImpactDashboard(contextFor(user), parsed.success ? parsed.data : {});
  const [t, tKinds, format] = await Promise.all([
    getTranslations("impact"),
    getTranslations("outcomes.kinds"),
    getFormatter(),
  ]);
  const { filter, cohorts, members, outcomes, activities, reviews, satisfaction } = dashboard;
  const rates = impactRates(dashboard);
  const cohort = cohorts.find((row) => row.id === filter.cohortId);
  const day = (date: string) => format.dateTime(new Date(`${date}T12:00:00Z`), { dateStyle: "long" });
  const isSmall = outcomes.membersWithOutcome < SMALL_GROUP;
  const number = (value: number | null, digits = 0) =>
    value === null ? t("notAvailable") : format.number(value, { maximumFractionDigits: digits });
  const percent = (value: number | null) =>
    isSmall || value === null ? t("report.tooFew") : t("percent", { value: number(value, 1) });
  const headline = [
    { value: number(members.members), label: t("report.members") },
    { value: number(activities.hoursAttended), label: t("report.hours") },
    { value: isSmall ? t("report.tooFew") : number(outcomes.averageDays), label: t("report.days") },
    { value: percent(rates.positiveShare), label: t("report.positive") },
    {
      value:
        satisfaction.answers < SMALL_GROUP || rates.satisfiedShare === null
          ? t("report.tooFew")
          : t("percent", { value: number(rates.satisfiedShare, 1) }),
      label: t("report.satisfied"),
    },
  ];
  return (
    <article className="mx-auto flex max-w-3xl flex-col gap-5 bg-white p-6 print:max-w-none print:p-0">
      <header className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h1 className="text-2xl font-extrabold">{t("report.title")}</h1>
          <p className="text-muted">
            {cohort ? `${cohort.name}${cohort.territory ? ` · ${cohort.territory}` : ""} · ` : `${t("allMembers")} · `}
            {t("period", { from: day(filter.from), to: day(filter.to) })}
          </p>
        </div>
        <div className="flex gap-3 print:hidden">
          <PrintButton label={t("report.print")} />
          <Link
            href={`/moderation/impact?${new URLSearchParams({ ...(filter.cohortId ? { cohort: String(filter.cohortId) } : {}), from: filter.from, to: filter.to })}`}
            className="self-center font-semibold text-brand underline"
          >
            {t("report.back")}
          </Link>
        </div>
      </header>
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-5">
        {headline.map((item) => (
          <div key={item.label} className="flex flex-col-reverse rounded-xl border border-line p-3 text-center">
            <dt className="text-sm text-muted">{item.label}</dt>
            <dd className="text-2xl font-extrabold text-brand-dark">{item.value}</dd>
          </div>
        ))}
      </dl>
      <table className="w-full border-collapse text-left text-sm">
        <caption className="mb-1 text-left font-bold">{t("report.details")}</caption>
        <tbody>
          {[
            [t("rows.admitted"), number(members.admitted)],
            [t("rows.active30"), number(members.active30)],
            [t("rows.membersWithOutcome"), number(outcomes.membersWithOutcome)],
            [t("rows.essShare"), percent(rates.essShare)],
            [t("rows.medianDays"), isSmall ? t("report.tooFew") : number(outcomes.medianDays)],
            [t("rows.held"), number(activities.held)],
            [
              t("rows.ledByMembers"),
              rates.ledByMembersShare === null
                ? t("notAvailable")
                : t("percent", { value: number(rates.ledByMembersShare, 1) }),
            ],
            [t("rows.givenByMembers"), number(reviews.givenByMembers)],
            [
              t("report.responseRate"),
              satisfaction.invited < SMALL_GROUP || rates.responseRate === null
                ? t("report.tooFew")
                : t("percent", { value: number(rates.responseRate, 1) }),
            ],
            [t("rows.receivedByMembers"), number(reviews.receivedByMembers)],
          ].map(([label, value]) => (
            <tr key={label} className="border-b border-line/60">
              <th scope="row" className="py-1.5 pr-2 font-medium">
                {label}
              </th>
              <td className="py-1.5 text-right tabular-nums">{value}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {isSmall ? null : (
        <table className="w-full border-collapse text-left text-sm">
          <caption className="mb-1 text-left font-bold">{t("sections.kinds")}</caption>
          <thead>
            <tr className="border-b border-line">
              <th scope="col" className="py-1.5">
                {t("kind")}
              </th>
              <th scope="col" className="py-1.5 text-right">
                {t("count")}
              </th>
            </tr>
          </thead>
          <tbody>
            {outcomes.byKind.map((row) => (
              <tr key={row.kind} className="border-b border-line/60">
                <th scope="row" className="py-1.5 font-medium">
                  {tKinds(row.kind)}
                </th>
                <td className="py-1.5 text-right tabular-nums">{number(row.count)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p className="text-xs text-muted">{t("report.method", { count: SMALL_GROUP })}</p>
    </article>
  );
}
