import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { SurveyForm } from "@/components/outcomes/survey-form";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { getCurrentUser } from "@/lib/auth/session";
import { contextFor } from "@/lib/context";
import { getMySurvey } from "@/lib/outcomes/survey";
import { canAnswerSurvey } from "@/lib/permissions/outcomes";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("survey"))("title"), robots: { index: false } };
}

/** The six-month survey: the form while invited, a thank-you once answered. */
export default async function SurveyPage() {
  const user = await getCurrentUser();
  if (!user) redirect("/sign-in?callbackUrl=/enquete");
  if (!canAnswerSurvey(user)) redirect("/");
  const [survey, t, format] = await Promise.all([
    getMySurvey(contextFor(user)),
    getTranslations("survey"),
    getFormatter(),
  ]);
  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-6">
      <header>
        <h1 className="text-2xl font-extrabold sm:text-3xl">{t("title")}</h1>
        {survey.state === "open" ? <p className="mt-1 text-muted">{t("intro")}</p> : null}
      </header>
      {survey.state === "open" ? (
        <Card>
          <SurveyForm />
        </Card>
      ) : survey.state === "answered" ? (
        <Alert tone="success">
          {t("answered", { date: format.dateTime(survey.answeredAt, { dateStyle: "long" }) })}
        </Alert>
      ) : (
        <Alert tone="info">{t("none")}</Alert>
      )}
    </div>
  );
}
