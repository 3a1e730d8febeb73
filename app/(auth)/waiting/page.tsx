import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { signOutAction } from "@/lib/actions/auth";
import { AuthCard } from "@/components/auth/auth-card";
import { Button } from "@/components/ui/button";
import { getMyAdmission } from "@/lib/admission/service";
import { getCurrentUser } from "@/lib/auth/session";
import { contextFor } from "@/lib/context";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admission"))("waitingTitle"), robots: { index: false } };
}

/** The only page of a pending account: where its admission request stands. */
export default async function WaitingPage() {
  const user = await getCurrentUser();
  if (!user) redirect("/sign-in");
  if (user.status !== "pending") redirect("/");
  const [admission, t, format] = await Promise.all([
    getMyAdmission(contextFor(user)),
    getTranslations("admission"),
    getFormatter(),
  ]);
  const isRefused = admission?.status === "refused";
  return (
    <AuthCard
      title={isRefused ? t("refusedTitle") : t("waitingTitle")}
      intro={isRefused ? t("refusedText") : t("waitingText", { name: user.name })}
      footer={
        <form action={signOutAction}>
          <Button type="submit" variant="secondary" size="sm">
            {t("signOut")}
          </Button>
        </form>
      }
    >
      {isRefused ? (
        <p className="whitespace-pre-line rounded-xl bg-sand px-4 py-3">
          {admission.decisionMessage || t("noMessage")}
        </p>
      ) : null}
      {admission && admission.answers.length > 0 ? (
        <section aria-labelledby="answers-heading" className="flex flex-col gap-2">
          <h2 id="answers-heading" className="text-lg font-bold">
            {t("waitingAnswers")}
          </h2>
          <p className="text-sm text-muted">
            {t("appliedOn", { date: format.dateTime(admission.createdAt, { dateStyle: "long" }) })}
          </p>
          <dl className="flex flex-col gap-3">
            {admission.answers.map((item) => (
              <div key={item.question}>
                <dt className="text-sm font-semibold text-muted">{item.question}</dt>
                <dd className="whitespace-pre-line break-words">{item.answer}</dd>
              </div>
            ))}
          </dl>
        </section>
      ) : null}
    </AuthCard>
  );
}
