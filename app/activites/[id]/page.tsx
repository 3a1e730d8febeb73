import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import {
  AttendanceButtons,
  CancelActivityForm,
  DecisionButtons,
  RecapForm,
  RsvpButtons,
} from "@/components/rhythm/activity-controls";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { getCurrentUser } from "@/lib/auth/session";
import { contextFor } from "@/lib/context";
import { AppError } from "@/lib/errors";
import { canDecideActivity, canRsvp } from "@/lib/permissions";
import { getActivityPage, placesLeftOf } from "@/lib/rhythm/activities";
import { frenchDateRange } from "@/lib/rhythm/dates";
import { activityIdSchema } from "@/lib/validation/rhythm";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("activities"))("title"), robots: { index: false } };
}

async function load(id: string) {
  const user = await getCurrentUser();
  if (!user) redirect(`/sign-in?callbackUrl=/activites/${encodeURIComponent(id)}`);
  const parsed = activityIdSchema.safeParse(id);
  if (!parsed.success) notFound();
  try {
    return { user, page: await getActivityPage(contextFor(user), parsed.data), now: Date.now() };
  } catch (error) {
    if (error instanceof AppError && (error.code === "not_found" || error.code === "unauthenticated")) notFound();
    throw error;
  }
}

/** One activity: when and where, the answer buttons, who comes; for its host, the tools to run it. */
export default async function ActivityPage({ params }: Props) {
  const { id } = await params;
  const { user, page, now } = await load(id);
  const { activity, rsvps, threadPath, recapPath } = page;
  const t = await getTranslations("activities");
  const isOver = activity.endsAt.getTime() <= now;
  const hasStarted = activity.startsAt.getTime() <= now;
  const going = rsvps.filter((rsvp) => rsvp.response === "going");
  const waiting = rsvps.filter((rsvp) => rsvp.response === "waitlisted");
  const maybe = rsvps.filter((rsvp) => rsvp.response === "maybe");
  const placesLeft = placesLeftOf({ capacity: activity.capacity, going: going.length });
  const canRecap = hasStarted && activity.status === "published" && !activity.recapPostId;
  const hasTools = !isOver || canRecap;
  return (
    <article className="mx-auto flex max-w-3xl flex-col gap-5">
      <p>
        <Link href="/activites" className="touch-target text-sm font-semibold text-teal underline">
          {t("back")}
        </Link>
      </p>
      <header className="flex flex-col gap-2">
        <div className="flex flex-wrap gap-2">
          <Badge tone="teal">{t(`kinds.${activity.kind}`)}</Badge>
          {activity.status !== "published" ? (
            <Badge tone={activity.status === "proposed" ? "brand" : "danger"}>{t(`status.${activity.status}`)}</Badge>
          ) : null}
        </div>
        <h1 className="text-2xl font-extrabold sm:text-3xl">{activity.title}</h1>
        <p>
          <time dateTime={activity.startsAt.toISOString()}>{frenchDateRange(activity.startsAt, activity.endsAt)}</time>{" "}
          <span className="text-sm text-muted">{t("parisTime")}</span>
        </p>
        <p className="text-muted">{t("hostedBy", { name: activity.hostName })}</p>
      </header>
      {activity.status === "cancelled" ? (
        <Card className="border-danger/40 bg-danger-soft">
          <p className="font-semibold text-danger">{t("cancelledNotice")}</p>
          {activity.cancelReason ? <p>{activity.cancelReason}</p> : null}
        </Card>
      ) : null}
      <Card className="flex flex-col gap-3">
        <h2 className="text-lg font-bold">{t("where")}</h2>
        <p>{activity.place || t("online")}</p>
        {activity.canSeeAccess ? (
          activity.visioUrl ? (
            <p>
              {t("visio")}{" "}
              <a
                href={activity.visioUrl}
                className="break-all font-semibold text-teal underline"
                rel="noopener noreferrer"
              >
                {activity.visioUrl}
              </a>
            </p>
          ) : null
        ) : (
          <p className="text-sm text-muted">{t("accessForParticipants")}</p>
        )}
        <p className="text-sm">
          {isOver
            ? t("over")
            : placesLeft === null
              ? t("goingCount", { count: going.length })
              : placesLeft > 0
                ? t("placesLeft", { count: placesLeft })
                : t("full", { waiting: waiting.length })}
        </p>
        {canRsvp(user, activity) && !isOver ? (
          <>
            <RsvpButtons activityId={activity.id} current={activity.myResponse} />
            {activity.myResponse === "waitlisted" ? (
              <p className="text-sm font-semibold">
                {t("waitlistPosition", { position: waiting.findIndex((rsvp) => rsvp.userId === user.id) + 1 })}
              </p>
            ) : null}
          </>
        ) : null}
        {activity.status === "published" ? (
          <a href={`/activites/${activity.id}/ics`} className="text-sm font-semibold text-teal underline" download>
            {t("addToCalendar")}
          </a>
        ) : null}
      </Card>
      {activity.description ? (
        <section aria-labelledby="about">
          <h2 id="about" className="mb-2 text-lg font-bold">
            {t("about")}
          </h2>
          <p className="whitespace-pre-line">{activity.description}</p>
        </section>
      ) : null}
      <section aria-labelledby="who" className="flex flex-col gap-2">
        <h2 id="who" className="text-lg font-bold">
          {t("whoComes", { count: going.length })}
        </h2>
        {going.length ? (
          <ul className="flex flex-col gap-2">
            {going.map((rsvp) => (
              <li key={rsvp.userId} className="flex flex-wrap items-center justify-between gap-2">
                <Link href={`/u/${rsvp.userId}`} className="font-semibold hover:underline">
                  {rsvp.name}
                </Link>
                {activity.canManage && hasStarted && activity.status === "published" ? (
                  <AttendanceButtons
                    activityId={activity.id}
                    userId={rsvp.userId}
                    name={rsvp.name}
                    current={rsvp.attendance}
                  />
                ) : rsvp.attendance ? (
                  <Badge tone={rsvp.attendance === "present" ? "success" : "neutral"}>
                    {t(`attendance.${rsvp.attendance}`)}
                  </Badge>
                ) : null}
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-muted">{t("nobodyYet")}</p>
        )}
        {waiting.length ? (
          <p className="text-sm text-muted">{t("waitingList", { names: waiting.map((r) => r.name).join(", ") })}</p>
        ) : null}
        {maybe.length ? (
          <p className="text-sm text-muted">{t("maybeList", { names: maybe.map((r) => r.name).join(", ") })}</p>
        ) : null}
      </section>
      {threadPath ? (
        <p className="flex flex-wrap gap-x-4 gap-y-2">
          {recapPath ? (
            <Link href={recapPath} className="font-semibold text-teal underline">
              {t("seeRecap")}
            </Link>
          ) : null}
          <Link href={threadPath} className="font-semibold text-teal underline">
            {t("discussion")}
          </Link>
        </p>
      ) : null}
      {activity.status === "proposed" && canDecideActivity(user) ? (
        <Card className="flex flex-col gap-3">
          <h2 className="text-lg font-bold">{t("decisionHeading")}</h2>
          <DecisionButtons activityId={activity.id} />
        </Card>
      ) : null}
      {activity.canManage && hasTools && activity.status !== "cancelled" && activity.status !== "rejected" ? (
        <section aria-labelledby="manage" className="flex flex-col gap-4 rounded-2xl border border-line bg-white p-4">
          <h2 id="manage" className="text-lg font-bold">
            {t("manage")}
          </h2>
          {!isOver ? (
            <ButtonLink href={`/activites/${activity.id}/modifier`} variant="secondary" className="self-start">
              {t("edit")}
            </ButtonLink>
          ) : null}
          {canRecap ? <RecapForm activityId={activity.id} /> : null}
          {!hasStarted ? <CancelActivityForm activityId={activity.id} /> : null}
        </section>
      ) : null}
    </article>
  );
}
