import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { getCurrentUser } from "@/lib/auth/session";
import { listFacilitatorHelpPages } from "@/lib/help/service";
import { getModerationOverview } from "@/lib/moderation/service";
import { canModerate } from "@/lib/permissions";
import { contextFor } from "@/lib/context";

export default async function ModerationHomePage() {
  const user = await getCurrentUser();
  if (!canModerate(user)) notFound();
  const [counts, helpPages, t, tHelp] = await Promise.all([
    getModerationOverview(contextFor(user)),
    listFacilitatorHelpPages(contextFor(user)),
    getTranslations("moderation"),
    getTranslations("help"),
  ]);
  const queues = [
    { href: "/moderation/reports", label: t("openReports", { count: counts.reports }) },
    { href: "/moderation/admissions", label: t("pendingAdmissions", { count: counts.admissions }) },
    { href: "/moderation/pros", label: t("pendingPros", { count: counts.pros }) },
  ];
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-extrabold sm:text-3xl">{t("title")}</h1>
      <p className="max-w-2xl text-muted">{t("intro")}</p>
      <ul className="grid gap-3 sm:grid-cols-3">
        {queues.map((queue) => (
          <li key={queue.href}>
            <Card className="h-full">
              <Link
                href={queue.href}
                className="touch-target text-lg font-bold text-ink hover:text-brand hover:underline"
              >
                {queue.label}
              </Link>
            </Card>
          </li>
        ))}
      </ul>
      {helpPages.length ? (
        <section aria-labelledby="staff-help" className="flex flex-col gap-2">
          <h2 id="staff-help" className="text-lg font-bold">
            {tHelp("moderationHeading")}
          </h2>
          <ul className="flex flex-wrap gap-x-5 gap-y-1">
            {helpPages.map((page) => (
              <li key={page.id}>
                <Link href={`/aide/${page.slug}`} className="touch-target font-semibold text-teal underline">
                  {page.title}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
