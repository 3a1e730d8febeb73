import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { isOutboxPageEnabled, readOutboxMail } from "@/lib/mail/outbox";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const mail = isOutboxPageEnabled() ? readOutboxMail((await params).id) : null;
  return { title: mail?.subject ?? (await getTranslations("email"))("outbox.title"), robots: { index: false } };
}

// Links in the preview open in a new tab: the sandbox keeps the mail's HTML away from this page.
function withLinksInNewTabs(html: string): string {
  const base = '<base target="_blank">';
  return /<head>/i.test(html) ? html.replace(/<head>/i, `<head>${base}`) : base + html;
}

/** One mail of the outbox: its headers, its HTML part in a sandboxed frame, its text part. */
export default async function OutboxMailPage({ params }: Props) {
  if (!isOutboxPageEnabled()) notFound();
  const mail = readOutboxMail((await params).id);
  if (!mail) notFound();
  const [t, format] = await Promise.all([getTranslations("email"), getFormatter()]);
  const headers: [string, string][] = [
    [t("outbox.from"), mail.from],
    [t("outbox.to"), mail.to],
    [t("outbox.date"), format.dateTime(new Date(mail.date), { dateStyle: "full", timeStyle: "medium" })],
    ...Object.entries(mail.headers ?? {}),
  ];
  return (
    <div className="flex flex-col gap-6">
      <p>
        <Link href="/dev/outbox" className="text-brand underline">
          {t("outbox.back")}
        </Link>
      </p>
      <h1 className="text-2xl font-extrabold">{mail.subject}</h1>
      <Card>
        <h2 className="mb-2 text-lg font-bold">{t("outbox.headers")}</h2>
        <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
          {headers.map(([name, value]) => (
            <div key={name} className="contents">
              <dt className="font-semibold">{name}</dt>
              <dd className="break-all">{value}</dd>
            </div>
          ))}
        </dl>
      </Card>
      {mail.html ? (
        <section aria-labelledby="outbox-html">
          <h2 id="outbox-html" className="mb-2 text-lg font-bold">
            {t("outbox.html")}
          </h2>
          <iframe
            title={t("outbox.htmlFrame")}
            sandbox="allow-popups allow-popups-to-escape-sandbox"
            srcDoc={withLinksInNewTabs(mail.html)}
            className="h-[36rem] w-full rounded-xl border border-line bg-white"
          />
        </section>
      ) : null}
      <section aria-labelledby="outbox-text">
        <h2 id="outbox-text" className="mb-2 text-lg font-bold">
          {t("outbox.text")}
        </h2>
        <pre className="overflow-x-auto rounded-xl border border-line bg-white p-4 text-sm break-all whitespace-pre-wrap">
          {mail.text}
        </pre>
      </section>
    </div>
  );
}
