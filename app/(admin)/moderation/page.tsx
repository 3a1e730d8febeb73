import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { getCurrentUser } from "@/lib/auth/session";
import { getModerationOverview } from "@/lib/moderation/service";
import { canModerate } from "@/lib/permissions";
import { contextFor } from "@/lib/context";

export default async function ModerationHomePage() {
  const user = await getCurrentUser();
  if (!canModerate(user)) notFound();
  const [counts, t] = await Promise.all([getModerationOverview(contextFor(user)), getTranslations("moderation")]);
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
    </div>
  );
}
