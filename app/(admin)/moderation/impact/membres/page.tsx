import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { DataTable } from "@/components/impact/data-table";
import { Pagination } from "@/components/ui/pagination";
import { getCurrentUser } from "@/lib/auth/session";
import { contextFor } from "@/lib/context";
import { listMembersPage } from "@/lib/impact/service";
import { canViewImpact } from "@/lib/permissions/outcomes";
import { impactFilterSchema } from "@/lib/validation/impact";

type Props = { searchParams: Promise<Record<string, string | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("impact"))("membersPage.title") };
}

/** Facilitators' member list with context: cohort, joining, last check-in and activity, shared outcome. */
export default async function ImpactMembersPage({ searchParams }: Props) {
  const user = await getCurrentUser();
  if (!canViewImpact(user)) notFound();
  const params = await searchParams;
  const parsed = impactFilterSchema.safeParse(params);
  const after = typeof params.after === "string" ? params.after.slice(0, 300) : undefined;
  const { filter, items, nextCursor } = await listMembersPage(contextFor(user), {
    ...(parsed.success ? parsed.data : {}),
    after,
  });
  const [t, tKinds, format] = await Promise.all([
    getTranslations("impact"),
    getTranslations("outcomes.kinds"),
    getFormatter(),
  ]);
  const query = (cursor?: string) =>
    `/moderation/impact/membres?${new URLSearchParams({
      ...(filter.cohortId ? { cohort: String(filter.cohortId) } : {}),
      from: filter.from,
      to: filter.to,
      ...(cursor ? { after: cursor } : {}),
    })}`;
  const instant = (value: Date | null) => (value ? format.dateTime(value, { dateStyle: "medium" }) : t("never"));
  const day = (date: string) => format.dateTime(new Date(`${date}T12:00:00Z`), { dateStyle: "medium" });
  return (
    <div className="flex flex-col gap-4">
      <Link href={query().replace("/membres", "")} className="touch-target text-sm font-semibold text-brand underline">
        {t("report.back")}
      </Link>
      <h1 className="text-2xl font-extrabold sm:text-3xl">{t("membersPage.title")}</h1>
      <p className="max-w-3xl text-muted">{t("membersPage.intro")}</p>
      <DataTable
        id="members-context"
        title={t("period", { from: day(filter.from), to: day(filter.to) })}
        headers={[
          t("member"),
          t("cohortName"),
          t("membersPage.joined"),
          t("lastCheckin"),
          t("lastActivity"),
          t("membersPage.outcome"),
          t("membersPage.checkins"),
        ]}
        numericFrom={6}
        empty={t("membersPage.empty")}
        downloadHref={`/moderation/impact/export/members?${new URLSearchParams({ ...(filter.cohortId ? { cohort: String(filter.cohortId) } : {}), from: filter.from, to: filter.to })}`}
        downloadLabel={t("download")}
        rows={items.map((row) => [
          <Link key="name" href={`/u/${row.userId}`} className="touch-target text-ink hover:underline">
            {row.name}
          </Link>,
          row.cohortName ?? "",
          day(row.joinedOn),
          instant(row.lastCheckinAt),
          instant(row.lastActivityAt),
          row.outcomeKind && row.outcomeStartsOn ? `${tKinds(row.outcomeKind)} · ${day(row.outcomeStartsOn)}` : "",
          format.number(row.checkinsInPeriod),
        ])}
      />
      <Pagination
        label={t("membersPage.pagination")}
        first={after ? { href: query(), label: t("membersPage.first") } : null}
        next={nextCursor ? { href: query(nextCursor), label: t("membersPage.next") } : null}
      />
    </div>
  );
}
