import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { BarChart } from "@/components/impact/bar-chart";
import { DataTable } from "@/components/impact/data-table";
import { PositiveRuleForm } from "@/components/impact/positive-rule-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { getCurrentUser } from "@/lib/auth/session";
import { contextFor, type ServiceContext } from "@/lib/context";
import { AppError } from "@/lib/errors";
import type { ImpactTable } from "@/lib/impact/export";
import { getImpactDashboard, impactRates, share } from "@/lib/impact/service";
import { translateKey } from "@/lib/i18n/translate-key";
import { canViewImpact } from "@/lib/permissions/outcomes";
import { impactFilterSchema, type ImpactFilterInput } from "@/lib/validation/impact";

type Props = { searchParams: Promise<Record<string, string | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("impact"))("title") };
}

/** A refused period (end before start) shows its message above the default period's figures. */
async function loadDashboard(ctx: ServiceContext, input: ImpactFilterInput) {
  try {
    return { dashboard: await getImpactDashboard(ctx, input), problemKey: null };
  } catch (error) {
    if (!(error instanceof AppError) || error.code === "not_found") throw error;
    return { dashboard: await getImpactDashboard(ctx, { cohort: input.cohort }), problemKey: error.messageKey };
  }
}

const controlClasses = "min-h-11 rounded-lg border border-line bg-white px-3";

/** The facilitators' Impact dashboard: figures per cohort and period, each table downloadable. */
export default async function ImpactPage({ searchParams }: Props) {
  const user = await getCurrentUser();
  if (!canViewImpact(user)) notFound();
  const parsed = impactFilterSchema.safeParse(await searchParams);
  const input: ImpactFilterInput = parsed.success ? parsed.data : {};
  const [t, tRoot, tKinds, tSurvey, format] = await Promise.all([
    getTranslations("impact"),
    getTranslations(),
    getTranslations("outcomes.kinds"),
    getTranslations("survey"),
    getFormatter(),
  ]);
  const loaded = await loadDashboard(contextFor(user), input);
  const problemKey = !parsed.success ? "impact.errors.dateInvalid" : loaded.problemKey;
  const problem = problemKey ? translateKey(tRoot, problemKey) : null;
  const dashboard = loaded.dashboard;
  const { filter, cohorts, members, outcomes, activities, reviews, named, toFollowUp, satisfaction } = dashboard;
  const rates = impactRates(dashboard);
  const day = (date: string) => format.dateTime(new Date(`${date}T12:00:00Z`), { dateStyle: "medium" });
  const instant = (value: Date | null) => (value ? format.dateTime(value, { dateStyle: "medium" }) : t("never"));
  const figure = (value: number | null, digits = 0) =>
    value === null ? t("notAvailable") : format.number(value, { maximumFractionDigits: digits });
  const percent = (value: number | null) =>
    value === null ? t("notAvailable") : t("percent", { value: format.number(value, { maximumFractionDigits: 1 }) });
  const query = new URLSearchParams({
    ...(filter.cohortId ? { cohort: String(filter.cohortId) } : {}),
    from: filter.from,
    to: filter.to,
  });
  const csv = (table: ImpactTable) => `/moderation/impact/export/${table}?${query}`;
  const hidden = outcomes.declarations - named.length;

  return (
    <div className="flex flex-col gap-5">
      <header>
        <h1 className="text-2xl font-extrabold sm:text-3xl">{t("title")}</h1>
        <p className="mt-1 max-w-3xl text-muted">{t("intro")}</p>
      </header>
      <form
        method="get"
        action="/moderation/impact"
        className="flex flex-wrap items-end gap-3"
        aria-label={t("filters")}
      >
        <div className="flex flex-col gap-1.5">
          <label htmlFor="cohort" className="text-sm font-semibold">
            {t("cohort")}
          </label>
          <select id="cohort" name="cohort" defaultValue={filter.cohortId ?? ""} className={controlClasses}>
            <option value="">{t("allMembers")}</option>
            {cohorts.map((cohort) => (
              <option key={cohort.id} value={cohort.id}>
                {cohort.name}
              </option>
            ))}
          </select>
        </div>
        <div className="flex flex-col gap-1.5">
          <label htmlFor="from" className="text-sm font-semibold">
            {t("from")}
          </label>
          <input id="from" name="from" type="date" defaultValue={filter.from} className={controlClasses} />
        </div>
        <div className="flex flex-col gap-1.5">
          <label htmlFor="to" className="text-sm font-semibold">
            {t("to")}
          </label>
          <input id="to" name="to" type="date" defaultValue={filter.to} className={controlClasses} />
        </div>
        <Button type="submit">{t("apply")}</Button>
      </form>
      {problem ? <Alert tone="error">{problem}</Alert> : null}
      <p className="flex flex-wrap items-center gap-3 text-sm font-semibold">
        {t("period", { from: day(filter.from), to: day(filter.to) })}
        <Link href={`/moderation/impact/rapport?${query}`} className="touch-target text-brand underline">
          {t("reportLink")}
        </Link>
        <Link href={`/moderation/impact/membres?${query}`} className="touch-target text-brand underline">
          {t("membersLink")}
        </Link>
        <a href={csv("funders")} className="touch-target text-brand underline" download>
          {t("funderCsv")}
        </a>
      </p>
      <div className="grid gap-4 lg:grid-cols-2">
        <DataTable
          id="impact-members"
          title={t("sections.members")}
          headers={[t("indicator"), t("value")]}
          empty=""
          downloadHref={csv("summary")}
          downloadLabel={t("download")}
          rows={[
            [t("rows.members"), figure(members.members)],
            [t("rows.admitted"), figure(members.admitted)],
            [t("rows.active7"), figure(members.active7)],
            [t("rows.active30"), figure(members.active30)],
          ]}
        />
        <DataTable
          id="impact-outcomes"
          title={t("sections.outcomes")}
          headers={[t("indicator"), t("value")]}
          empty=""
          rows={[
            [t("rows.declarations"), figure(outcomes.declarations)],
            [t("rows.membersWithOutcome"), figure(outcomes.membersWithOutcome)],
            [t("rows.positiveShare"), percent(rates.positiveShare)],
            [t("rows.essShare"), percent(rates.essShare)],
            [t("rows.averageDays"), figure(outcomes.averageDays)],
            [t("rows.medianDays"), figure(outcomes.medianDays)],
          ]}
        />
        <DataTable
          id="impact-activities"
          title={t("sections.activities")}
          headers={[t("indicator"), t("value")]}
          empty=""
          rows={[
            [t("rows.held"), figure(activities.held)],
            [t("rows.ledByMembers"), percent(rates.ledByMembersShare)],
            [t("rows.hoursAttended"), figure(activities.hoursAttended, 1)],
            [t("rows.givenByMembers"), figure(reviews.givenByMembers)],
            [t("rows.receivedByMembers"), figure(reviews.receivedByMembers)],
            [t("rows.medianHoursCv"), figure(reviews.medianHoursToFirstCvReview, 1)],
            [t("rows.proAnswered"), figure(reviews.questionsAnsweredByPros)],
          ]}
        />
        <DataTable
          id="impact-kinds"
          title={t("sections.kinds")}
          headers={[t("kind"), t("count"), t("positive")]}
          empty={t("kindsEmpty")}
          downloadHref={csv("kinds")}
          downloadLabel={t("download")}
          chart={
            <BarChart
              id="chart-kinds"
              title={t("chartKinds")}
              bars={outcomes.byKind.map((row) => ({
                label: tKinds(row.kind),
                value: row.count,
                display: figure(row.count),
              }))}
            />
          }
          rows={outcomes.byKind.map((row) => [
            tKinds(row.kind),
            figure(row.count),
            filter.positiveKinds.includes(row.kind) ? t("yes") : t("no"),
          ])}
        />
      </div>
      <DataTable
        id="impact-weeks"
        title={t("sections.weeks")}
        headers={[t("weekOf"), t("checkins"), t("participation")]}
        empty={t("weeksEmpty")}
        downloadHref={csv("weeks")}
        downloadLabel={t("download")}
        chart={
          <BarChart
            id="chart-weeks"
            title={t("chartWeeks")}
            bars={rates.weeks.map((week) => ({
              label: day(week.weekStart),
              value: week.checkins,
              display: figure(week.checkins),
            }))}
          />
        }
        rows={rates.weeks.map((week) => [day(week.weekStart), figure(week.checkins), percent(week.share)])}
      />
      <div className="grid gap-4 lg:grid-cols-3">
        <DataTable
          id="impact-satisfaction"
          title={t("sections.satisfaction")}
          headers={[t("indicator"), t("value")]}
          empty=""
          downloadHref={csv("summary")}
          downloadLabel={t("download")}
          rows={[
            [t("rows.answers"), figure(satisfaction.answers)],
            [t("rows.satisfiedShare"), percent(rates.satisfiedShare)],
            [t("rows.invited"), figure(satisfaction.invited)],
            [t("rows.responseRate"), percent(rates.responseRate)],
          ]}
        />
        <DataTable
          id="impact-scores"
          title={t("sections.scores")}
          headers={[t("score"), t("answers"), t("shareOfAnswers")]}
          empty={t("scoresEmpty")}
          downloadHref={csv("satisfaction")}
          downloadLabel={t("download")}
          chart={
            <BarChart
              id="chart-scores"
              title={t("chartScores")}
              bars={satisfaction.byScore.map((row) => ({
                label: t("scoreLabel", { score: row.score }),
                value: row.count,
                display: figure(row.count),
              }))}
            />
          }
          rows={
            satisfaction.answers
              ? satisfaction.byScore.map((row) => [
                  t("scoreLabel", { score: row.score }),
                  figure(row.count),
                  percent(share(row.count, satisfaction.answers)),
                ])
              : []
          }
        />
        <DataTable
          id="impact-helps"
          title={t("sections.helps")}
          headers={[t("help"), t("answers"), t("shareOfAnswers")]}
          empty={t("scoresEmpty")}
          downloadHref={csv("helps")}
          downloadLabel={t("download")}
          chart={
            <BarChart
              id="chart-helps"
              title={t("chartHelps")}
              bars={satisfaction.byHelp.map((row) => ({
                label: tSurvey(`helps.${row.help}`),
                value: row.count,
                display: figure(row.count),
              }))}
            />
          }
          rows={
            satisfaction.answers
              ? satisfaction.byHelp.map((row) => [
                  tSurvey(`helps.${row.help}`),
                  figure(row.count),
                  percent(share(row.count, satisfaction.answers)),
                ])
              : []
          }
        />
      </div>
      <DataTable
        id="impact-named"
        title={t("sections.named")}
        intro={t("hiddenCount", { count: hidden })}
        headers={[t("member"), t("kind"), t("ess"), t("organisation"), t("startsOn"), t("daysFromJoining")]}
        numericFrom={5}
        empty={t("namedEmpty")}
        downloadHref={csv("outcomes")}
        downloadLabel={t("download")}
        rows={named.map((row) => [
          row.name,
          tKinds(row.kind),
          row.isEss ? t("yes") : t("no"),
          row.organisation ?? "",
          day(row.startsOn),
          figure(row.daysFromJoining),
        ])}
      />
      <DataTable
        id="impact-follow-up"
        title={t("sections.followUp")}
        intro={t("followUpIntro")}
        headers={[t("member"), t("cohortName"), t("lastCheckin"), t("lastActivity"), ""]}
        numericFrom={99}
        empty={t("followUpEmpty")}
        downloadHref={csv("follow-up")}
        downloadLabel={t("download")}
        rows={toFollowUp.map((row) => [
          row.name,
          row.cohortName ?? "",
          instant(row.lastCheckinAt),
          instant(row.lastActivityAt),
          <Link
            key="write"
            href={`/messages/new?to=${row.userId}`}
            className="touch-target font-semibold text-brand underline"
          >
            {t("write", { name: row.name })}
          </Link>,
        ])}
      />
      <p>
        <a href={csv("members")} className="touch-target font-semibold text-brand underline" download>
          {t("downloadNamed", { table: tRoot("moderation.nav.members") })}
        </a>
      </p>
      <section aria-labelledby="impact-rule" className="rounded-2xl border border-line bg-white p-4 shadow-sm">
        <h2 id="impact-rule" className="mb-2 text-lg font-bold">
          {t("sections.rule")}
        </h2>
        <PositiveRuleForm kinds={filter.positiveKinds} />
      </section>
    </div>
  );
}
