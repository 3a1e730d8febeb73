"use client";

import { useTranslations } from "next-intl";
import { Button, ButtonLink } from "@/components/ui/button";

/** Shown for unexpected server errors: what to do next, never a stack trace. */
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("errors");
  return (
    <div className="mx-auto flex max-w-lg flex-col items-center gap-4 py-12 text-center">
      <h1 className="text-2xl font-extrabold">{t("serverErrorTitle")}</h1>
      <p className="text-muted">{t("serverErrorText")}</p>
      {error.digest ? <p className="text-sm text-muted">{t("errorReference", { digest: error.digest })}</p> : null}
      <div className="flex gap-3">
        <Button onClick={reset}>{t("retry")}</Button>
        <ButtonLink href="/" variant="secondary">
          {t("backHome")}
        </ButtonLink>
      </div>
    </div>
  );
}
