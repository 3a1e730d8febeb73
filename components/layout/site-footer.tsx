import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { LanguageSwitcher } from "./language-switcher";

/** `showHelp`: the in-app help is for members (a visitor would only be asked to sign in). */
export async function SiteFooter({ locale, showHelp = false }: { locale: string; showHelp?: boolean }) {
  const [t, tHelp] = await Promise.all([getTranslations("footer"), getTranslations("help")]);
  return (
    <footer className="border-t border-line bg-sand/60 print:hidden">
      <div className="mx-auto flex max-w-5xl flex-col gap-3 px-4 py-6 text-sm text-muted sm:flex-row sm:items-center sm:justify-between">
        <p>{t("tagline")}</p>
        <p className="flex flex-wrap gap-x-5 gap-y-1">
          {showHelp ? (
            <Link href="/aide" className="touch-target font-semibold text-ink underline">
              {tHelp("footer")}
            </Link>
          ) : null}
          <Link href="/confidentialite" className="touch-target font-semibold text-ink underline">
            {t("privacy")}
          </Link>
        </p>
        <LanguageSwitcher current={locale} label={t("language")} />
      </div>
    </footer>
  );
}
