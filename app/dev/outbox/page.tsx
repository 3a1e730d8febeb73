import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { isOutboxPageEnabled, listOutbox } from "@/lib/mail/outbox";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("email"))("outbox.title"), robots: { index: false } };
}

/** Development only (and end-to-end tests): the mails written to DATA_DIR/outbox, newest first. */
export default async function OutboxPage() {
  if (!isOutboxPageEnabled()) notFound();
  const [t, format] = await Promise.all([getTranslations("email"), getFormatter()]);
  const { entries, dir, usesSmtp } = listOutbox();
  return (
    <div className="flex flex-col gap-6">
      <header>
        <h1 className="text-2xl font-extrabold">{t("outbox.title")}</h1>
        <p className="mt-1 text-muted">{usesSmtp ? t("outbox.usesSmtp") : t("outbox.intro", { dir })}</p>
      </header>
      <Card>
        {entries.length === 0 ? (
          <p>{t("outbox.empty")}</p>
        ) : (
          <table className="w-full text-left text-sm">
            <caption className="sr-only">{t("outbox.caption", { count: entries.length })}</caption>
            <thead>
              <tr className="border-b border-line">
                <th scope="col" className="py-2 pr-4">
                  {t("outbox.date")}
                </th>
                <th scope="col" className="py-2 pr-4">
                  {t("outbox.to")}
                </th>
                <th scope="col" className="py-2">
                  {t("outbox.subject")}
                </th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => (
                <tr key={entry.id} className="border-b border-line last:border-0">
                  <td className="py-2 pr-4 whitespace-nowrap">
                    {format.dateTime(new Date(entry.date), { dateStyle: "short", timeStyle: "medium" })}
                  </td>
                  <td className="py-2 pr-4">{entry.to}</td>
                  <td className="py-2">
                    <Link href={`/dev/outbox/${entry.id}`} className="font-semibold text-brand underline">
                      {entry.subject}
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Card>
    </div>
  );
}
