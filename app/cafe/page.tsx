import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { CheckinForm } from "@/components/rhythm/checkin-form";
import { CheckinSummary } from "@/components/rhythm/checkin-summary";
import { HelpLinks } from "@/components/help/help-links";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { getCurrentUser } from "@/lib/auth/session";
import { contextFor } from "@/lib/context";
import { canCheckIn } from "@/lib/permissions";
import { getMyCheckinState, listCheckinHistory } from "@/lib/rhythm/checkins";
import { frenchDate } from "@/lib/rhythm/checkin-text";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("checkin"))("title"), robots: { index: false } };
}

/** "Café Pote Emploi": this week's check-in (form or done), the gentle streak, the member's history. */
export default async function CafePage() {
  const user = await getCurrentUser();
  if (!user) redirect("/sign-in?callbackUrl=/cafe");
  if (!canCheckIn(user)) redirect("/");
  const ctx = contextFor(user);
  const [state, history, t] = await Promise.all([
    getMyCheckinState(ctx),
    listCheckinHistory(ctx, { userId: user.id }),
    getTranslations("checkin"),
  ]);
  return (
    <div className="mx-auto flex max-w-2xl flex-col gap-6">
      <header className="flex flex-col gap-2">
        <h1 className="text-2xl font-extrabold sm:text-3xl">{t("title")}</h1>
        <p className="text-muted">{t("intro")}</p>
        <HelpLinks slugs={["faire-mon-point-de-la-semaine"]} />
        {state.streak > 1 ? (
          <p>
            <Badge tone="success">{t("streak", { count: state.streak })}</Badge>
          </p>
        ) : null}
      </header>
      <section aria-labelledby="this-week" className="flex flex-col gap-3">
        <h2 id="this-week" className="text-xl font-bold">
          {t("thisWeek", { date: frenchDate(state.weekStart) })}
        </h2>
        {state.current ? (
          <Card className="flex flex-col gap-2 border-success/40 bg-success-soft">
            <p className="font-semibold text-success">{t("done")}</p>
            {state.threadPath ? (
              <Link href={state.threadPath} className="font-semibold text-teal underline">
                {t("seeThread")}
              </Link>
            ) : null}
          </Card>
        ) : (
          <Card>
            <CheckinForm questions={state.questions} previousGoals={state.previousGoals} />
          </Card>
        )}
      </section>
      <section aria-labelledby="history" className="flex flex-col gap-3">
        <h2 id="history" className="text-xl font-bold">
          {t("history")}
        </h2>
        {history.items.length === 0 ? (
          <p className="text-muted">{t("historyEmpty")}</p>
        ) : (
          <ol className="flex flex-col gap-3">
            {history.items.map((item) => (
              <li key={item.weekStart}>
                <CheckinSummary
                  heading={t("weekOf", { date: frenchDate(item.weekStart) })}
                  checkin={item.checkin}
                  postPath={item.postPath}
                />
              </li>
            ))}
          </ol>
        )}
      </section>
    </div>
  );
}
