import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ActivityCard } from "@/components/rhythm/activity-card";
import { CalendarFeedControl } from "@/components/rhythm/activity-controls";
import { ButtonLink } from "@/components/ui/button";
import { getCurrentUser } from "@/lib/auth/session";
import { contextFor } from "@/lib/context";
import { canViewActivities } from "@/lib/permissions";
import { listPastActivities, listProposedActivities, listUpcomingActivities } from "@/lib/rhythm/activities";
import { hasMyCalendarFeed } from "@/lib/rhythm/calendar";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("activities"))("title"), robots: { index: false } };
}

/** The programme's activities: upcoming first, proposals waiting for a decision, then the past ones. */
export default async function ActivitiesPage() {
  const user = await getCurrentUser();
  if (!user) redirect("/sign-in?callbackUrl=/activites");
  if (!canViewActivities(user)) redirect("/");
  const ctx = contextFor(user);
  const [upcoming, proposed, past, hasFeed, t] = await Promise.all([
    listUpcomingActivities(ctx),
    listProposedActivities(ctx),
    listPastActivities(ctx, new Date(), 10),
    hasMyCalendarFeed(ctx),
    getTranslations("activities"),
  ]);
  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-6">
      <header className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-extrabold sm:text-3xl">{t("title")}</h1>
          <p className="mt-1 text-muted">{t("intro")}</p>
        </div>
        <ButtonLink href="/activites/nouvelle">{t("proposeCta")}</ButtonLink>
      </header>
      {proposed.length ? (
        <section aria-labelledby="proposed" className="flex flex-col gap-3">
          <h2 id="proposed" className="text-xl font-bold">
            {t("proposedHeading")}
          </h2>
          {proposed.map((activity) => (
            <ActivityCard key={activity.id} activity={activity} />
          ))}
        </section>
      ) : null}
      <section aria-labelledby="upcoming" className="flex flex-col gap-3">
        <h2 id="upcoming" className="text-xl font-bold">
          {t("upcoming")}
        </h2>
        {upcoming.length ? (
          upcoming.map((activity) => <ActivityCard key={activity.id} activity={activity} />)
        ) : (
          <p className="rounded-2xl border border-dashed border-line bg-white p-6 text-center text-muted">
            {t("upcomingEmpty")}
          </p>
        )}
      </section>
      <section aria-labelledby="calendar" className="flex flex-col gap-2">
        <h2 id="calendar" className="text-xl font-bold">
          {t("feed.heading")}
        </h2>
        <p className="text-sm text-muted">{t("feed.intro")}</p>
        <CalendarFeedControl hasFeed={hasFeed} />
      </section>
      {past.length ? (
        <section aria-labelledby="past" className="flex flex-col gap-3">
          <h2 id="past" className="text-xl font-bold">
            {t("past")}
          </h2>
          {past.map((activity) => (
            <ActivityCard key={activity.id} activity={activity} isPast />
          ))}
        </section>
      ) : null}
    </div>
  );
}
