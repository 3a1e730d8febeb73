import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { PlaceMemberForm, RemoveFromCohortButton } from "@/components/impact/cohort-forms";
import { Badge } from "@/components/ui/badge";
import { getCurrentUser } from "@/lib/auth/session";
import { contextFor } from "@/lib/context";
import { AppError } from "@/lib/errors";
import { getCohortPage } from "@/lib/impact/cohorts";
import { canManageCohorts } from "@/lib/permissions/outcomes";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("cohorts"))("title") };
}

/** One cohort: its dates, its members, placing and removing members. */
export default async function CohortPage({ params }: Props) {
  const user = await getCurrentUser();
  if (!canManageCohorts(user)) notFound();
  const id = Number((await params).id);
  if (!Number.isSafeInteger(id) || id <= 0) notFound();
  const page = await getCohortPage(contextFor(user), id).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  });
  const [t, format] = await Promise.all([getTranslations("cohorts"), getFormatter()]);
  const day = (date: string) => format.dateTime(new Date(`${date}T12:00:00Z`), { dateStyle: "medium" });
  const { cohort, members } = page;
  return (
    <div className="flex flex-col gap-5">
      <Link href="/moderation/cohortes" className="touch-target text-sm font-semibold text-brand underline">
        {t("back")}
      </Link>
      <header className="flex flex-col gap-1">
        <h1 className="flex flex-wrap items-center gap-2 text-2xl font-extrabold sm:text-3xl">
          {cohort.name}
          <Badge tone={cohort.isFinished ? "neutral" : "teal"}>{cohort.isFinished ? t("alumni") : t("running")}</Badge>
        </h1>
        <p className="text-muted">
          {[cohort.territory, t("dates", { start: day(cohort.startsOn), end: day(cohort.endsOn) })]
            .filter(Boolean)
            .join(" · ")}
        </p>
        <Link
          href={`/moderation/impact?cohort=${cohort.id}`}
          className="touch-target font-semibold text-brand underline"
        >
          {t("seeImpact")}
        </Link>
      </header>
      <section aria-labelledby="place-member" className="rounded-2xl border border-line bg-white p-4 shadow-sm">
        <h2 id="place-member" className="mb-3 text-lg font-bold">
          {t("place")}
        </h2>
        <PlaceMemberForm cohortId={cohort.id} />
      </section>
      <section aria-labelledby="cohort-members" className="flex flex-col gap-2">
        <h2 id="cohort-members" className="text-lg font-bold">
          {t("membersTitle")} ({t("members", { count: members.length })})
        </h2>
        {members.length === 0 ? (
          <p className="text-muted">{t("membersEmpty")}</p>
        ) : (
          <ul className="divide-y divide-line rounded-2xl border border-line bg-white">
            {members.map((member) => (
              <li key={member.id} className="flex flex-wrap items-center justify-between gap-2 px-4 py-2">
                <span>
                  <Link href={`/u/${member.id}`} className="touch-target font-semibold text-ink hover:underline">
                    {member.name}
                  </Link>{" "}
                  <span className="text-sm text-muted">{member.email}</span>
                </span>
                <RemoveFromCohortButton cohortId={cohort.id} userId={member.id} name={member.name} />
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
