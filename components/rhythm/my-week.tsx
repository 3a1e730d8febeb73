import Link from "next/link";
import type { ReactNode } from "react";
import { useLocale } from "next-intl";
import { getTranslations } from "next-intl/server";
import { channelName } from "@/lib/forum/channel-name";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import type { MyWeek, ThreadRef } from "@/lib/rhythm/my-week";
import { frenchDateTime } from "@/lib/rhythm/dates";
import { threadPath } from "@/lib/slug";

function Section({
  id,
  title,
  children,
  action,
}: {
  id: string;
  title: string;
  children: ReactNode;
  action?: ReactNode;
}) {
  return (
    <Card className="flex flex-col gap-3">
      <h2 id={id} className="text-lg font-bold">
        {title}
      </h2>
      {children}
      {action ? <div className="mt-auto pt-1">{action}</div> : null}
    </Card>
  );
}

function ThreadLink({ thread, extra }: { thread: ThreadRef; extra?: ReactNode }) {
  const locale = useLocale();
  return (
    <li className="flex flex-wrap items-baseline justify-between gap-x-2">
      <Link
        href={threadPath(thread.channelSlug, thread)}
        className="font-semibold text-ink hover:text-brand hover:underline"
      >
        {thread.title}
      </Link>
      <span className="text-sm text-muted">
        {channelName({ name: thread.channelName, nameEn: thread.channelNameEn }, locale)}
        {extra}
      </span>
    </li>
  );
}

/** A titled list of threads inside a section; nothing when empty. */
function ThreadSublist({ heading, threads }: { heading: string; threads: ThreadRef[] }) {
  if (!threads.length) return null;
  return (
    <>
      <h3 className="text-sm font-bold uppercase tracking-wide text-muted">{heading}</h3>
      <ul className="flex flex-col gap-2">
        {threads.map((thread) => (
          <ThreadLink key={thread.id} thread={thread} />
        ))}
      </ul>
    </>
  );
}

/** The member's home: this week's check-in, activities, documents under review, what to read. */
export async function MyWeekSections({ week }: { week: MyWeek }) {
  const t = await getTranslations("myWeek");
  return (
    <div className="grid gap-4 md:grid-cols-2">
      <Section
        id="week-checkin"
        title={t("checkin.title")}
        action={
          week.checkedIn ? (
            <Link href="/cafe" className="font-semibold text-teal underline">
              {t("checkin.history")}
            </Link>
          ) : (
            <ButtonLink href="/cafe">{t("checkin.cta")}</ButtonLink>
          )
        }
      >
        <p>{week.checkedIn ? t("checkin.done") : t("checkin.todo")}</p>
        {week.streak > 1 ? (
          <p>
            <Badge tone="success">{t("checkin.streak", { count: week.streak })}</Badge>
          </p>
        ) : null}
      </Section>
      <Section
        id="week-activities"
        title={t("activities.title")}
        action={
          <Link href="/activites" className="touch-target font-semibold text-teal underline">
            {t("activities.all")}
          </Link>
        }
      >
        {week.myActivities.length ? (
          <ul className="flex flex-col gap-2">
            {week.myActivities.map((activity) => (
              <li key={activity.id}>
                <Link href={`/activites/${activity.id}`} className="font-semibold hover:underline">
                  {activity.title}
                </Link>
                <span className="block text-sm text-muted">
                  {frenchDateTime(new Date(activity.startsAt))}
                  {activity.isHost
                    ? ` · ${t("activities.hosting")}`
                    : activity.response === "waitlisted"
                      ? ` · ${t("activities.waiting")}`
                      : ""}
                </span>
              </li>
            ))}
          </ul>
        ) : null}
        {week.openActivities.length ? (
          <>
            <h3 className="text-sm font-bold uppercase tracking-wide text-muted">{t("activities.open")}</h3>
            <ul className="flex flex-col gap-2">
              {week.openActivities.slice(0, 3).map((activity) => (
                <li key={activity.id}>
                  <Link href={`/activites/${activity.id}`} className="font-semibold hover:underline">
                    {activity.title}
                  </Link>
                  <span className="block text-sm text-muted">
                    {frenchDateTime(new Date(activity.startsAt))}
                    {activity.placesLeft !== null
                      ? ` · ${t("activities.placesLeft", { count: activity.placesLeft })}`
                      : ""}
                  </span>
                </li>
              ))}
            </ul>
          </>
        ) : null}
        {!week.myActivities.length && !week.openActivities.length ? (
          <p className="text-muted">{t("activities.empty")}</p>
        ) : null}
      </Section>
      <Section id="week-reviews" title={t("reviews.title")}>
        {week.myReviews.length ? (
          <ul className="flex flex-col gap-2">
            {week.myReviews.map((thread) => (
              <ThreadLink
                key={thread.id}
                thread={thread}
                extra={
                  thread.unread > 0 ? (
                    <Badge tone="brand" className="ml-2">
                      {t("reviews.new", { count: thread.unread })}
                    </Badge>
                  ) : null
                }
              />
            ))}
          </ul>
        ) : (
          <p className="text-muted">
            {t("reviews.empty")}{" "}
            <Link href="/c/cv" className="font-semibold text-teal underline">
              {t("reviews.postCv")}
            </Link>
          </p>
        )}
        <ThreadSublist heading={t("reviews.waiting")} threads={week.waitingReviews} />
      </Section>
      <Section id="week-reading" title={t("reading.title")}>
        {week.unreadFollowed.length || week.offerMatches.length ? (
          <ul className="flex flex-col gap-2">
            {week.offerMatches.map((thread) => (
              <ThreadLink
                key={`offer-${thread.id}`}
                thread={thread}
                extra={
                  <Badge tone="teal" className="ml-2">
                    {t("reading.offer")}
                  </Badge>
                }
              />
            ))}
            {week.unreadFollowed.map((thread) => (
              <ThreadLink
                key={thread.id}
                thread={thread}
                extra={
                  <Badge tone="brand" className="ml-2">
                    {t("reading.unread", { count: thread.unread })}
                  </Badge>
                }
              />
            ))}
          </ul>
        ) : (
          <p className="text-muted">{t("reading.empty")}</p>
        )}
        <ThreadSublist heading={t("reading.trending")} threads={week.trending} />
      </Section>
    </div>
  );
}

const STEP_LINKS: Record<string, string> = {
  profile: "/settings/profile",
  introduce: "/c/programme",
  checkin: "/cafe",
  review: "/c/cv",
  activity: "/activites",
};

/** The newcomer's checklist: each step links to where it is done and ticks itself. */
export async function OnboardingChecklist({ onboarding }: { onboarding: NonNullable<MyWeek["onboarding"]> }) {
  const t = await getTranslations("onboarding");
  const done = onboarding.steps.filter((step) => step.done).length;
  return (
    <section
      aria-labelledby="onboarding"
      className="flex flex-col gap-3 rounded-2xl border-2 border-teal/30 bg-teal-soft p-4 sm:p-6"
    >
      <h2 id="onboarding" className="text-xl font-bold">
        {t("title")}
      </h2>
      {onboarding.welcomeMessage ? (
        <blockquote className="rounded-xl bg-white p-3 text-ink">
          <p className="text-sm font-semibold text-muted">{t("welcomeFromTeam")}</p>
          <p className="whitespace-pre-line">{onboarding.welcomeMessage}</p>
        </blockquote>
      ) : null}
      <p className="text-sm">{t("progress", { done, total: onboarding.steps.length })}</p>
      <ol className="flex flex-col gap-2">
        {onboarding.steps.map((step) => (
          <li key={step.id} className="flex items-start gap-3">
            <span aria-hidden="true" className={step.done ? "text-success" : "text-muted"}>
              {step.done ? "✔" : "○"}
            </span>
            <span className="flex flex-col">
              {step.done ? (
                <span className="text-muted line-through">{t(`steps.${step.id}.label`)}</span>
              ) : (
                <Link href={STEP_LINKS[step.id]!} className="font-semibold text-teal underline">
                  {t(`steps.${step.id}.label`)}
                </Link>
              )}
              <span className="sr-only">{step.done ? t("stepDone") : t("stepTodo")}</span>
              {!step.done ? <span className="text-sm text-ink/80">{t(`steps.${step.id}.hint`)}</span> : null}
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}
