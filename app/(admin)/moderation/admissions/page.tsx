import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { DecisionForm } from "@/components/moderation/decision-form";
import { Badge } from "@/components/ui/badge";
import { Pagination } from "@/components/ui/pagination";
import { listAdmissionQueue } from "@/lib/admission/service";
import { getCurrentUser } from "@/lib/auth/session";
import { canReviewAdmissions } from "@/lib/permissions";
import { contextFor } from "@/lib/context";
import { listCohortsForStaff } from "@/lib/impact/cohorts";
import { canManageCohorts } from "@/lib/permissions/outcomes";

type Props = { searchParams: Promise<{ after?: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("moderation.nav"))("admissions") };
}

/** People waiting to join a closed community, oldest first, with their answers. */
export default async function AdmissionsPage({ searchParams }: Props) {
  const user = await getCurrentUser();
  if (!canReviewAdmissions(user)) notFound();
  const { after } = await searchParams;
  const [{ items, nextCursor }, t, format, cohorts] = await Promise.all([
    listAdmissionQueue(contextFor(user), { cursor: after }),
    getTranslations("moderation"),
    getFormatter(),
    // Admission may place the newcomer in a running cohort.
    canManageCohorts(user) ? listCohortsForStaff(contextFor(user)) : Promise.resolve([]),
  ]);
  const openCohorts = cohorts.filter((cohort) => !cohort.isFinished).map(({ id, name }) => ({ id, name }));
  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-extrabold">{t("admissionsTitle")}</h1>
        <Link href="/moderation/settings" className="text-sm font-semibold text-teal underline">
          {t("editQuestions")}
        </Link>
      </div>
      {items.length === 0 ? (
        <p className="rounded-2xl border border-dashed border-line bg-white p-8 text-center text-muted">
          {t("admissionsEmpty")}
        </p>
      ) : null}
      <ol className="flex flex-col gap-4">
        {items.map((request) => (
          <li key={request.userId}>
            <article
              aria-labelledby={`applicant-${request.userId}`}
              className="flex flex-col gap-3 rounded-2xl border border-line bg-white p-4 sm:p-5"
            >
              <header className="flex flex-wrap items-center gap-2">
                <h2 id={`applicant-${request.userId}`} className="text-lg font-bold break-words">
                  {request.user.name}
                </h2>
                <span className="text-sm break-all text-muted">{request.user.email}</span>
                {request.user.emailVerified ? null : <Badge tone="danger">{t("emailNotVerified")}</Badge>}
              </header>
              <p className="text-sm text-muted">
                {t("appliedOn", {
                  date: format.dateTime(request.createdAt, { dateStyle: "long", timeStyle: "short" }),
                })}
              </p>
              <dl className="flex flex-col gap-2">
                {request.answers.map((item) => (
                  <div key={item.question}>
                    <dt className="text-sm font-semibold text-muted">{item.question}</dt>
                    <dd className="whitespace-pre-line break-words">{item.answer}</dd>
                  </div>
                ))}
              </dl>
              <DecisionForm kind="admission" userId={request.userId} name={request.user.name} cohorts={openCohorts} />
            </article>
          </li>
        ))}
      </ol>
      <Pagination
        label={t("pagination")}
        first={after ? { href: "/moderation/admissions", label: t("firstPage") } : null}
        next={nextCursor ? { href: `/moderation/admissions?after=${nextCursor}`, label: t("nextPage") } : null}
      />
    </div>
  );
}
