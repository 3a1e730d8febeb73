"use client";

import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { buttonClasses } from "@/components/ui/button";

/** Shown once, right after they are made: the page never shows them again. */
export function RecoveryCodes({ codes }: { codes: string[] }) {
  const t = useTranslations("security");
  return (
    <div className="flex flex-col gap-3" role="status">
      <h3 className="font-bold">{t("recoveryTitle")}</h3>
      <Alert tone="info">{t("recoveryIntro")}</Alert>
      <ul aria-label={t("recoveryTitle")} className="grid grid-cols-2 gap-2 font-mono text-base sm:grid-cols-5">
        {codes.map((code) => (
          <li key={code} className="rounded-lg border border-line bg-sand px-2 py-1 text-center">
            {code}
          </li>
        ))}
      </ul>
      {/* A full load: the page (and the staff tools, now unlocked) render again without the codes. */}
      <a href="/settings/securite" className={buttonClasses("secondary", "md", "self-start")}>
        {t("codesNoted")}
      </a>
    </div>
  );
}
