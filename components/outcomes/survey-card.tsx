import { getTranslations } from "next-intl/server";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";

/** On the home page while the member's six-month survey waits for an answer. */
export async function SurveyCard() {
  const t = await getTranslations("survey");
  return (
    <section aria-labelledby="survey-card">
      <Card className="flex flex-col gap-2 border-brand/40">
        <h2 id="survey-card" className="text-lg font-bold">
          {t("homeTitle")}
        </h2>
        <p className="text-muted">{t("homeText")}</p>
        <div>
          <ButtonLink href="/enquete">{t("homeCta")}</ButtonLink>
        </div>
      </Card>
    </section>
  );
}
