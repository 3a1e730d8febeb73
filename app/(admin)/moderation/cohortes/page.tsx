import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { CohortForm } from "@/components/impact/cohort-forms";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { getCurrentUser } from "@/lib/auth/session";
import { contextFor } from "@/lib/context";
import { listCohortsForStaff } from "@/lib/impact/cohorts";
import { canManageCohorts } from "@/lib/permissions/outcomes";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("cohorts"))("title") };
}

/** The programme's cohorts: create one, see each one's members and impact. */
export default async function CohortsPage() {
  const user = await getCurrentUser();
  if (!canManageCohorts(user)) notFound();
  const [cohorts, t, format] = await Promise.all([
    listCohortsForStaff(contextFor(user)),
    getTranslations("cohorts"),
    getFormatter(),
  ]);
  const day = (date: string) => format.dateTime(new Date(`${date}T12:00:00Z`), { dateStyle: "medium" });
  return (
    <div className="flex flex-col gap-5">
      <header>
        <h1 className="text-2xl font-extrabold sm:text-3xl">{t("title")}</h1>
        <p className="mt-1 max-w-3xl text-muted">{t("intro")}</p>
      </header>
      {cohorts.length === 0 ? (
        <p className="text-muted">{t("empty")}</p>
      ) : (
        <ul className="grid gap-3 sm:grid-cols-2">
          {cohorts.map((cohort) => (
            <li key={cohort.id}>
              <Card className="flex h-full flex-col gap-2">
                <h2 className="flex flex-wrap items-center gap-2 text-lg font-bold">
                  <Link
                    href={`/moderation/cohortes/${cohort.id}`}
                    className="text-ink hover:text-brand hover:underline"
                  >
                    {cohort.name}
                  </Link>
                  <Badge tone={cohort.isFinished ? "neutral" : "teal"}>
                    {cohort.isFinished ? t("alumni") : t("running")}
                  </Badge>
                </h2>
                <p className="text-sm text-muted">
                  {[
                    cohort.territory,
                    t("dates", { start: day(cohort.startsOn), end: day(cohort.endsOn) }),
                    t("members", { count: cohort.memberCount }),
                  ]
                    .filter(Boolean)
                    .join(" · ")}
                </p>
                <Link
                  href={`/moderation/impact?cohort=${cohort.id}`}
                  className="text-sm font-semibold text-brand underline"
                >
                  {t("seeImpact")}
                </Link>
              </Card>
            </li>
          ))}
        </ul>
      )}
      <section aria-labelledby="create-cohort" className="rounded-2xl border border-line bg-white p-4 shadow-sm">
        <h2 id="create-cohort" className="mb-3 text-lg font-bold">
          {t("create")}
        </h2>
        <CohortForm />
      </section>
    </div>
  );
}
