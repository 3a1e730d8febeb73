import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { DecisionForm } from "@/components/moderation/decision-form";
import { Badge } from "@/components/ui/badge";
import { Pagination } from "@/components/ui/pagination";
import { getCurrentUser } from "@/lib/auth/session";
import { canReviewProRequests } from "@/lib/permissions";
import { listProRequestQueue } from "@/lib/pros/service";
import { contextFor } from "@/lib/context";

type Props = { searchParams: Promise<{ after?: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("moderation.nav"))("pros") };
}

/** Requests for the verified pro badge, oldest first. */
export default async function ProRequestsPage({ searchParams }: Props) {
  const user = await getCurrentUser();
  if (!canReviewProRequests(user)) notFound();
  const { after } = await searchParams;
  const [{ items, nextCursor }, t, tPros, format] = await Promise.all([
    listProRequestQueue(contextFor(user), { cursor: after }),
    getTranslations("moderation"),
    getTranslations("pros"),
    getFormatter(),
  ]);
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-extrabold">{t("prosTitle")}</h1>
      {items.length === 0 ? (
        <p className="rounded-2xl border border-dashed border-line bg-white p-8 text-center text-muted">
          {t("prosEmpty")}
        </p>
      ) : null}
      <ol className="flex flex-col gap-4">
        {items.map((request) => (
          <li key={request.id}>
            <article
              aria-labelledby={`pro-request-${request.id}`}
              className="flex flex-col gap-3 rounded-2xl border border-line bg-white p-4 sm:p-5"
            >
              <header className="flex flex-col gap-1">
                <h2 id={`pro-request-${request.id}`} className="text-lg font-bold break-words">
                  <Link href={`/u/${request.user.id}`} className="touch-target text-ink hover:underline">
                    {request.user.name}
                  </Link>
                </h2>
                {request.user.headline ? <p className="text-muted">{request.user.headline}</p> : null}
                <p className="text-sm text-muted">
                  {t("appliedOn", {
                    date: format.dateTime(request.createdAt, { dateStyle: "long", timeStyle: "short" }),
                  })}
                </p>
              </header>
              <dl className="grid gap-2 sm:grid-cols-2">
                <div>
                  <dt className="text-sm font-semibold text-muted">{tPros("organisation")}</dt>
                  <dd className="break-words">{request.organisation}</dd>
                </div>
                <div>
                  <dt className="text-sm font-semibold text-muted">{tPros("jobTitle")}</dt>
                  <dd className="break-words">{request.jobTitle}</dd>
                </div>
                <div>
                  <dt className="text-sm font-semibold text-muted">{tPros("proofUrl")}</dt>
                  <dd className="break-all">
                    <a
                      href={request.proofUrl}
                      target="_blank"
                      rel="noopener noreferrer nofollow"
                      className="touch-target text-teal underline"
                    >
                      {request.proofUrl}
                    </a>
                  </dd>
                </div>
                <div>
                  <dt className="text-sm font-semibold text-muted">{tPros("expertise")}</dt>
                  <dd className="mt-1 flex flex-wrap gap-1.5">
                    {request.expertise.map((field) => (
                      <Badge key={field} tone="teal">
                        {field}
                      </Badge>
                    ))}
                  </dd>
                </div>
              </dl>
              <DecisionForm kind="pro" requestId={request.id} name={request.user.name} />
            </article>
          </li>
        ))}
      </ol>
      <Pagination
        label={t("pagination")}
        first={after ? { href: "/moderation/pros", label: t("firstPage") } : null}
        next={nextCursor ? { href: `/moderation/pros?after=${nextCursor}`, label: t("nextPage") } : null}
      />
    </div>
  );
}
