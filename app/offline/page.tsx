import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { buttonClasses } from "@/components/ui/button";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("push.offline");
  return { title: t("metaTitle"), robots: { index: false } };
}

/**
 * What the service worker (public/sw.js) shows when a page cannot be loaded. It caches this page
 * once, fetched without cookies, so it must say nothing about anyone and read nothing.
 */
export default async function OfflinePage() {
  const t = await getTranslations("push.offline");
  return (
    <div className="mx-auto flex max-w-lg flex-col items-center gap-4 py-12 text-center">
      <h1 className="text-2xl font-extrabold">{t("title")}</h1>
      <p className="text-muted">{t("text")}</p>
      {/* An empty href reloads the address shown, which is the page that could not load (no script needed offline). */}
      <a href="" className={buttonClasses()}>
        {t("retry")}
      </a>
    </div>
  );
}
