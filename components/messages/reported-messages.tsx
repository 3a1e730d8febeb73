import { getTranslations } from "next-intl/server";
import { RelativeTime } from "@/components/forum/relative-time";
import { cn } from "@/components/ui/cn";
import type { ReportedMessageContext } from "@/lib/domain/conversations";
import { MessageReportActions } from "./message-report-actions";

type Report = {
  id: number;
  reason: string;
  context: ReportedMessageContext[];
  createdAt: Date;
  reporter: { id: string; name: string };
  reportedUser: { id: string; name: string; status: string };
};

/**
 * Reported private messages in the facilitators' queue: the reason, and the frozen context (the
 * message and the few before it). No link into the conversation: facilitators cannot open it.
 */
export async function ReportedMessages({ reports }: { reports: Report[] }) {
  const t = await getTranslations("messages.reports");
  return (
    <section aria-labelledby="reported-messages" className="flex flex-col gap-3">
      <h2 id="reported-messages" className="text-xl font-extrabold">
        {t("title")}
      </h2>
      <p className="text-sm text-muted">{t("rule")}</p>
      {reports.length === 0 ? (
        <p className="rounded-2xl border border-dashed border-line bg-white p-6 text-center text-muted">{t("empty")}</p>
      ) : (
        <ol className="flex flex-col gap-4">
          {reports.map((report) => (
            <li key={report.id}>
              <article
                aria-labelledby={`message-report-${report.id}`}
                className="flex flex-col gap-3 rounded-2xl border border-line bg-white p-4 sm:p-5"
                data-testid="message-report"
              >
                <h3 id={`message-report-${report.id}`} className="text-base font-bold">
                  {t("reportedBy", { name: report.reporter.name, author: report.reportedUser.name })}{" "}
                  <span className="font-normal text-muted">
                    · <RelativeTime date={report.createdAt} />
                  </span>
                </h3>
                <p className="whitespace-pre-line break-words rounded-lg bg-sand px-3 py-2">
                  <span className="font-semibold">{t("reason")} : </span>
                  {report.reason}
                </p>
                <ol aria-label={t("context")} className="flex flex-col gap-2">
                  {report.context.map((item) => (
                    <li
                      key={item.number}
                      className={cn(
                        "rounded-lg border p-2",
                        item.isReported ? "border-danger bg-danger-soft" : "border-line",
                      )}
                    >
                      <p className="text-sm font-semibold">
                        {item.authorName}
                        {item.isReported ? ` · ${t("reportedMessage")}` : null}
                      </p>
                      {item.bodyHtml ? (
                        // Rendered on the server from allow-listed JSON when it was written.
                        <div className="prose-post break-words" dangerouslySetInnerHTML={{ __html: item.bodyHtml }} />
                      ) : (
                        <p className="italic text-muted">{t("deleted")}</p>
                      )}
                    </li>
                  ))}
                </ol>
                <MessageReportActions reportId={report.id} authorName={report.reportedUser.name} />
              </article>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
