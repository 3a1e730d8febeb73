import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { Checkin } from "@/lib/rhythm/checkins";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";

type Props = { heading: string; checkin: Checkin; postPath: string | null };

/** One week of a member's history: goals, how last week's went, and the short answers. */
export async function CheckinSummary({ heading, checkin, postPath }: Props) {
  const t = await getTranslations("checkin");
  return (
    <Card className="flex flex-col gap-2">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 className="font-bold">{heading}</h3>
        {checkin.staffOnly ? <Badge tone="teal">{t("staffOnlyBadge")}</Badge> : null}
      </div>
      <ul className="list-disc pl-5">
        {checkin.goals.map((goal) => (
          <li key={goal}>{goal}</li>
        ))}
      </ul>
      {checkin.review.length ? (
        <ul className="flex flex-col gap-1 text-sm">
          {checkin.review.map((item) => (
            <li key={item.goal}>
              <span className="text-muted">{item.goal}</span> — {t(`outcomes.${item.outcome}`)}
            </li>
          ))}
        </ul>
      ) : null}
      {(["goodNews", "difficulty", "helpWanted"] as const).map((field) =>
        checkin[field] ? (
          <p key={field} className="text-sm">
            <span className="font-semibold">{t(`summary.${field}`)}</span> {checkin[field]}
          </p>
        ) : null,
      )}
      {postPath ? (
        <Link href={postPath} className="text-sm font-semibold text-teal underline">
          {t("seeInThread")}
        </Link>
      ) : null}
    </Card>
  );
}
