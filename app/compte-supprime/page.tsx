import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("dataOwnership.erased"))("title"), robots: { index: false } };
}

/** Where a member lands after erasing their account (signed out). */
export default async function AccountErasedPage() {
  const t = await getTranslations("dataOwnership.erased");
  return (
    <div className="mx-auto flex max-w-2xl flex-col gap-4">
      <h1 className="text-2xl font-extrabold">{t("title")}</h1>
      <p>{t("body")}</p>
      <Link href="/" className="font-semibold text-teal underline">
        {t("home")}
      </Link>
    </div>
  );
}
