import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { EraseAccountForm } from "@/components/data-ownership/erase-account-form";
import { Card } from "@/components/ui/card";
import { getCurrentUser } from "@/lib/auth/session";
import { usesTwoFactor } from "@/lib/auth/two-factor";
import { contextFor } from "@/lib/context";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("dataOwnership.erase"))("title"), robots: { index: false } };
}

/** GDPR erasure: what goes, what stays, then the password again (lib/data-ownership/erasure.ts). */
export default async function EraseAccountPage() {
  const user = await getCurrentUser();
  if (!user) redirect("/sign-in?callbackUrl=/settings/supprimer-mon-compte");
  const t = await getTranslations("dataOwnership.erase");
  return (
    <div className="mx-auto flex max-w-2xl flex-col gap-6">
      <header>
        <h1 className="text-2xl font-extrabold">{t("title")}</h1>
        <p className="mt-1 text-muted">{t("intro")}</p>
      </header>
      <Card className="flex flex-col gap-3">
        <h2 className="text-lg font-bold">{t("whatGoesTitle")}</h2>
        <ul className="list-disc space-y-1 pl-5">
          <li>{t("goesProfile")}</li>
          <li>{t("goesFiles")}</li>
          <li>{t("goesPrivate")}</li>
          <li>{t("goesSessions")}</li>
        </ul>
        <h2 className="text-lg font-bold">{t("whatStaysTitle")}</h2>
        <ul className="list-disc space-y-1 pl-5">
          <li>{t("staysPosts")}</li>
          <li>{t("staysAudit")}</li>
          <li>{t("staysBackups")}</li>
        </ul>
        <p>
          {t.rich("exportFirst", {
            link: (chunks) => (
              <Link href="/settings/donnees" className="font-semibold text-teal underline">
                {chunks}
              </Link>
            ),
          })}
        </p>
      </Card>
      <Card>
        <h2 className="mb-4 text-lg font-bold">{t("formTitle")}</h2>
        <EraseAccountForm withCode={await usesTwoFactor(contextFor(user).db, { userId: user.id })} />
      </Card>
    </div>
  );
}
