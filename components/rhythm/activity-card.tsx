import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { placesLeftOf, type ActivityView } from "@/lib/rhythm/activities";
import { frenchDateTime } from "@/lib/rhythm/dates";

/** One activity in a list: when, where, who hosts, places left and the reader's own answer. */
export async function ActivityCard({ activity, isPast = false }: { activity: ActivityView; isPast?: boolean }) {
  const t = await getTranslations("activities");
  const placesLeft = placesLeftOf(activity);
  return (
    <Card className="flex flex-col gap-2">
      <div className="flex flex-wrap items-center gap-2">
        <Badge tone="teal">{t(`kinds.${activity.kind}`)}</Badge>
        {activity.status === "cancelled" ? <Badge tone="danger">{t("status.cancelled")}</Badge> : null}
        {activity.status === "proposed" ? <Badge tone="brand">{t("status.proposed")}</Badge> : null}
        {activity.isHost ? <Badge tone="brand">{t("youHost")}</Badge> : null}
        {activity.myResponse && activity.myResponse !== "declined" ? (
          <Badge tone="success">{t(`myResponse.${activity.myResponse}`)}</Badge>
        ) : null}
      </div>
      <h3 className="text-lg font-bold">
        <Link href={`/activites/${activity.id}`} className="text-ink hover:text-brand hover:underline">
          {activity.title}
        </Link>
      </h3>
      <p className="text-sm">
        <time dateTime={activity.startsAt.toISOString()}>{frenchDateTime(activity.startsAt)}</time>
        {activity.place ? ` · ${activity.place}` : ` · ${t("online")}`}
      </p>
      <p className="text-sm text-muted">
        {t("hostedBy", { name: activity.hostName })} ·{" "}
        {isPast || placesLeft === null
          ? t("goingCount", { count: activity.going })
          : placesLeft > 0
            ? t("placesLeft", { count: placesLeft })
            : t("full", { waiting: activity.waiting })}
      </p>
    </Card>
  );
}
