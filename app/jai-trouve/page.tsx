import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { OutcomeForm, type OutcomeFormDefaults } from "@/components/outcomes/outcome-form";
import { OutcomeList } from "@/components/outcomes/outcome-list";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { getCurrentUser } from "@/lib/auth/session";
import { contextFor } from "@/lib/context";
import { KIND_FROM_CONTRACT, VICTORIES_CHANNEL_SLUG } from "@/lib/domain/outcomes";
import { zonedDate } from "@/lib/domain/rhythm";
import { getOutcomeFormDefaults, listMyOutcomes } from "@/lib/outcomes/service";
import { canDeclareOutcome } from "@/lib/permissions/outcomes";
import { threadPath } from "@/lib/slug";

type Props = { searchParams: Promise<{ candidature?: string; corriger?: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("outcomes"))("title"), robots: { index: false } };
}

function positiveId(value: string | undefined): number | undefined {
  const id = Number(value);
  return Number.isSafeInteger(id) && id > 0 ? id : undefined;
}

/** "J'ai trouvé !": declare (pre-filled from an accepted application), correct, withdraw. */
export default async function OutcomesPage({ searchParams }: Props) {
  const user = await getCurrentUser();
  if (!user) redirect("/sign-in?callbackUrl=/jai-trouve");
  if (!canDeclareOutcome(user)) redirect("/");
  const params = await searchParams;
  const ctx = contextFor(user);
  const [mine, start, t, format] = await Promise.all([
    listMyOutcomes(ctx),
    getOutcomeFormDefaults(ctx, { editId: positiveId(params.corriger), applicationId: positiveId(params.candidature) }),
    getTranslations("outcomes"),
    getFormatter(),
  ]);
  const dayLabel = (date: string) => format.dateTime(new Date(`${date}T12:00:00Z`), { dateStyle: "long" });
  const defaults: OutcomeFormDefaults = start.outcome
    ? {
        id: start.outcome.id,
        kind: start.outcome.kind,
        isEss: start.outcome.isEss,
        organisation: start.outcome.organisation ?? "",
        startsOn: start.outcome.startsOn,
        sharing: start.outcome.sharing,
      }
    : start.application
      ? {
          applicationId: start.application.id,
          kind: KIND_FROM_CONTRACT[start.application.contract],
          // Offers on the board are from ESS organisations.
          isEss: true,
          organisation: start.application.organisation,
          startsOn: start.application.decidedOn ?? undefined,
        }
      : {};
  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-6">
      <header>
        <h1 className="text-2xl font-extrabold sm:text-3xl">{t("title")}</h1>
        <p className="mt-1 text-muted">{t("intro")}</p>
      </header>
      <Card className="flex flex-col gap-4">
        <h2 className="text-xl font-bold">{start.outcome ? t("editTitle") : t("newTitle")}</h2>
        {start.application ? (
          <Alert tone="info">{t("fromApplication", { title: start.application.title })}</Alert>
        ) : null}
        <OutcomeForm
          key={start.outcome?.id ?? start.application?.id ?? "new"}
          defaults={defaults}
          today={zonedDate(new Date()).date}
        />
      </Card>
      <section aria-labelledby="my-outcomes" className="flex flex-col gap-3">
        <h2 id="my-outcomes" className="text-xl font-bold">
          {t("mine")}
        </h2>
        <OutcomeList
          items={mine.map((outcome) => ({
            id: outcome.id,
            kind: outcome.kind,
            isEss: outcome.isEss,
            organisation: outcome.organisation,
            startsOn: outcome.startsOn,
            startsOnLabel: dayLabel(outcome.startsOn),
            sharing: outcome.sharing,
            celebrationHref:
              outcome.threadId && outcome.threadSlug
                ? threadPath(VICTORIES_CHANNEL_SLUG, { id: outcome.threadId, slug: outcome.threadSlug })
                : null,
          }))}
        />
      </section>
    </div>
  );
}
