import { getTranslations } from "next-intl/server";
import { ButtonLink } from "@/components/ui/button";

export default async function NotFound() {
  const t = await getTranslations("errors");
  return (
    <div className="mx-auto flex max-w-lg flex-col items-center gap-4 py-12 text-center">
      <p className="text-5xl font-extrabold text-brand" aria-hidden="true">
        404
      </p>
      <h1 className="text-2xl font-extrabold">{t("notFoundTitle")}</h1>
      <p className="text-muted">{t("notFoundText")}</p>
      <ButtonLink href="/">{t("backHome")}</ButtonLink>
    </div>
  );
}
