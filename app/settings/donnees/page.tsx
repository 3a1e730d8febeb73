import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { ExportRequestForm } from "@/components/data-ownership/export-request-form";
import { Card } from "@/components/ui/card";
import { getCurrentUser } from "@/lib/auth/session";
import { usesTwoFactor } from "@/lib/auth/two-factor";
import { contextFor } from "@/lib/context";
import { EXPORT_KEEP_DAYS, listMyExports } from "@/lib/data-ownership/export";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("dataOwnership.export"))("title"), robots: { index: false } };
}

/** GDPR access and portability: the member's archives (7 days) and a form to prepare one. */
export default async function MyDataPage() {
  const user = await getCurrentUser();
  if (!user) redirect("/sign-in?callbackUrl=/settings/donnees");
  const exports = await listMyExports(contextFor(user));
  const t = await getTranslations("dataOwnership.export");
  const format = await getFormatter();
  const hasPending = exports.some((item) => item.status === "pending");
  return (
    <div className="mx-auto flex max-w-2xl flex-col gap-6">
      {hasPending ? <meta httpEquiv="refresh" content="5" /> : null}
      <header>
        <h1 className="text-2xl font-extrabold">{t("title")}</h1>
        <p className="mt-1 text-muted">{t("intro", { days: EXPORT_KEEP_DAYS })}</p>
      </header>
      <Card>
        <h2 className="mb-4 text-lg font-bold">{t("formTitle")}</h2>
        <ExportRequestForm withCode={await usesTwoFactor(contextFor(user).db, { userId: user.id })} />
      </Card>
      <Card>
        <h2 className="mb-3 text-lg font-bold">{t("listTitle")}</h2>
        {exports.length === 0 ? (
          <p className="text-muted">{t("none")}</p>
        ) : (
          <ul className="flex flex-col gap-3">
            {exports.map((item) => (
              <li key={item.id} className="flex flex-wrap items-center justify-between gap-2 border-b border-line pb-2">
                <span>
                  {t("createdAt", {
                    date: format.dateTime(item.createdAt, { dateStyle: "medium", timeStyle: "short" }),
                  })}
                  {" — "}
                  {t(`status.${item.status}`)}
                </span>
                {item.status === "ready" ? (
                  <a href={`/api/v1/data-exports/${item.id}`} className="font-semibold text-teal underline" download>
                    {t("download", {
                      size: Math.max(1, Math.round((item.byteSize ?? 0) / 1024)),
                      date: item.expiresAt ? format.dateTime(item.expiresAt, { dateStyle: "medium" }) : "",
                    })}
                  </a>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </Card>
      <p className="text-sm text-muted">
        {t.rich("more", {
          privacy: (chunks) => (
            <Link href="/confidentialite" className="font-semibold text-teal underline">
              {chunks}
            </Link>
          ),
          erase: (chunks) => (
            <Link href="/settings/supprimer-mon-compte" className="font-semibold text-teal underline">
              {chunks}
            </Link>
          ),
        })}
      </p>
    </div>
  );
}
