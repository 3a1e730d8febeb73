import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { LanguageSwitcher } from "./language-switcher";

export async function SiteFooter({ locale }: { locale: string }) {
  const t = await getTranslations("footer");
  return (
    <footer className="border-t border-line bg-sand/60 print:hidden">
      <div className="mx-auto flex max-w-5xl flex-col gap-3 px-4 py-6 text-sm text-muted sm:flex-row sm:items-center sm:justify-between">
        <p>{t("tagline")}</p>
        <Link href="/confidentialite" className="font-semibold text-ink underline">
          {t("privacy")}
        </Link>
        <LanguageSwitcher current={locale} label={t("language")} />
      </div>
    </footer>
  );
}
