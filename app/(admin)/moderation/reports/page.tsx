import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { AuthorName } from "@/components/forum/author-name";
import { RelativeTime } from "@/components/forum/relative-time";
import { ReportActions } from "@/components/moderation/report-actions";
import { Badge } from "@/components/ui/badge";
import { Pagination } from "@/components/ui/pagination";
import { getCurrentUser } from "@/lib/auth/session";
import { listReports } from "@/lib/moderation/service";
import { listMessageReports } from "@/lib/messages/reports";
import { ReportedMessages } from "@/components/messages/reported-messages";
import { canReadReports } from "@/lib/permissions";
import { threadPath } from "@/lib/slug";
import { contextFor } from "@/lib/context";

type Props = { searchParams: Promise<{ after?: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("moderation.nav"))("reports") };
}

/** Open reports, oldest first, each with the reported post in its context. */
export default async function ReportsPage({ searchParams }: Props) {
  const user = await getCurrentUser();
  if (!canReadReports(user)) notFound();
  const { after } = await searchParams;
  const [{ items, nextCursor }, messageReports, t] = await Promise.all([
    listReports(contextFor(user), { cursor: after }),
    listMessageReports(contextFor(user)),
    getTranslations("moderation"),
  ]);
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-extrabold">{t("reportsTitle")}</h1>
      {items.length === 0 ? (
        <p className="rounded-2xl border border-dashed border-line bg-white p-8 text-center text-muted">
          {t("reportsEmpty")}
        </p>
      ) : null}
      <ol className="flex flex-col gap-4">
        {items.map((report) => (
          <li key={report.id}>
            <article
              aria-labelledby={`report-${report.id}`}
              className="flex flex-col gap-3 rounded-2xl border border-line bg-white p-4 sm:p-5"
            >
              <header className="flex flex-col gap-1">
                <h2 id={`report-${report.id}`} className="text-base font-bold">
                  {t("reportedBy", { name: report.reporter.name })}{" "}
                  <span className="font-normal text-muted">
                    · <RelativeTime date={report.createdAt} />
                  </span>
                </h2>
                <p className="whitespace-pre-line break-words rounded-lg bg-sand px-3 py-2">
                  <span className="font-semibold">{t("reportReasonLabel")} : </span>
                  {report.reason}
                </p>
              </header>
              <div className="flex flex-col gap-2 rounded-xl border border-line p-3">
                <p className="flex flex-wrap items-center gap-x-2 gap-y-1 text-sm text-muted">
                  <AuthorName author={report.author} />
                  <span aria-hidden="true">·</span>
                  <span>{t("inThread", { thread: report.thread.title, channel: report.channel.name })}</span>
                  {report.post.hiddenAt ? <Badge tone="danger">{t("alreadyHiddenBadge")}</Badge> : null}
                </p>
                {report.post.deletedAt ? (
                  <p className="italic text-muted">{t("postDeleted")}</p>
                ) : (
                  // Rendered on the server from allow-listed JSON at write time (lib/editor/render.ts).
                  <div
                    className="prose-post max-h-64 overflow-auto"
                    dangerouslySetInnerHTML={{ __html: report.post.bodyHtml }}
                  />
                )}
                <Link
                  href={`${threadPath(report.channel.slug, report.thread)}?post=${report.post.number}#p${report.post.number}`}
                  className="self-start text-sm font-semibold text-teal underline"
                >
                  {t("openInThread")}
                </Link>
              </div>
              <ReportActions
                reportId={report.id}
                postId={report.post.id}
                isHidden={Boolean(report.post.hiddenAt || report.post.deletedAt)}
              />
            </article>
          </li>
        ))}
      </ol>
      <ReportedMessages reports={messageReports.items} />
      <Pagination
        label={t("pagination")}
        first={after ? { href: "/moderation/reports", label: t("firstPage") } : null}
        next={nextCursor ? { href: `/moderation/reports?after=${nextCursor}`, label: t("nextPage") } : null}
      />
    </div>
  );
}
