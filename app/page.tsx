import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { channelName } from "@/lib/forum/channel-name";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { loadChannels } from "@/lib/forum/loaders";
import { getChannelActivity } from "@/lib/forum/reads";
import { LiveRefresh } from "@/components/realtime/live-refresh";
import { RelativeTime } from "@/components/forum/relative-time";
import { getCurrentUser } from "@/lib/auth/session";
import { canReadChannel, isChannelArchived, isListedChannel } from "@/lib/permissions";
import { redirect } from "next/navigation";
import { QuestionsToAnswerSection } from "@/components/questions/to-answer";
import { listQuestionsToAnswer } from "@/lib/questions/service";
import { contextFor } from "@/lib/context";
import { isActiveMember } from "@/lib/permissions";
import { getMyWeek } from "@/lib/rhythm/my-week";
import { MyWeekSections, OnboardingChecklist } from "@/components/rhythm/my-week";
import { MyBuddy } from "@/components/messages/my-buddy";
import { getMyBuddy } from "@/lib/messages/buddies";
import { needsSetup } from "@/lib/setup/service";
import { SurveyCard } from "@/components/outcomes/survey-card";

export default async function HomePage() {
  const locale = await getLocale();
  const t = await getTranslations("home");
  const user = await getCurrentUser();
  // A fresh instance opens on its setup wizard (only until the first admin exists).
  if (!user && (await needsSetup())) redirect("/installation");
  // A pending account (closed community) sees its waiting page and nothing else.
  if (user?.status === "pending") redirect("/waiting");
  const [channels, { counts, unread }, toAnswer, week, buddy] = await Promise.all([
    loadChannels(),
    getChannelActivity(user),
    user?.role === "pro" && user.status === "active" ? listQuestionsToAnswer(contextFor(user), { limit: 5 }) : null,
    isActiveMember(user) ? getMyWeek(contextFor(user)) : null,
    isActiveMember(user) ? getMyBuddy(contextFor(user)) : null,
  ]);
  return (
    <div className="flex flex-col gap-8">
      {user ? (
        <section>
          <h1 className="text-2xl font-extrabold sm:text-3xl">{t("welcomeBack", { name: user.name })}</h1>
          <p className="mt-1 text-muted">{week ? t("myWeekIntro") : t("welcomeBackIntro")}</p>
        </section>
      ) : (
        <section className="rounded-3xl bg-brand-soft px-5 py-8 sm:px-10 sm:py-12">
          <h1 className="max-w-2xl text-3xl font-extrabold leading-tight text-ink sm:text-4xl">{t("heroTitle")}</h1>
          <p className="mt-3 max-w-2xl text-lg text-ink/85">{t("heroIntro")}</p>
          <ul className="mt-4 flex max-w-2xl list-disc flex-col gap-1 pl-5 text-ink/85">
            <li>{t("whoCanJoin")}</li>
            <li>{t("admissionReviewed")}</li>
            <li>{t("runBy")}</li>
          </ul>
          <div className="mt-6 flex flex-wrap gap-3">
            <ButtonLink href="/sign-up">{t("join")}</ButtonLink>
            <ButtonLink href="/sign-in" variant="secondary">
              {t("signIn")}
            </ButtonLink>
          </div>
        </section>
      )}
      {week?.surveyDue ? <SurveyCard /> : null}
      {buddy ? <MyBuddy buddy={buddy} /> : null}
      {week?.onboarding ? <OnboardingChecklist onboarding={week.onboarding} /> : null}
      {week ? <MyWeekSections week={week} /> : null}
      {toAnswer ? <QuestionsToAnswerSection items={toAnswer.items} hasMore={Boolean(toAnswer.nextCursor)} /> : null}
      <section id="salons" aria-labelledby="channels-heading" className="scroll-mt-4">
        <h2 id="channels-heading" className="mb-3 text-xl font-bold">
          {t("channels")}
        </h2>
        <ul className="grid gap-3 sm:grid-cols-2">
          {/* The team's own channel is not even listed to those who cannot read it (nor its unread count). */}
          {channels
            .filter(
              (channel) =>
                !isChannelArchived(channel) && (channel.visibility !== "staff" || canReadChannel(user, channel)),
            )
            .map((channel) => {
              const isReadable = canReadChannel(user, channel);
              return (
                <li key={channel.id}>
                  <Card className="flex h-full flex-col gap-2">
                    <div className="flex items-start justify-between gap-2">
                      <h3 className="text-lg font-bold">
                        <Link href={`/c/${channel.slug}`} className="text-ink hover:text-brand hover:underline">
                          {channelName(channel, locale)}
                        </Link>
                      </h3>
                      {unread.get(channel.id) ? (
                        <Badge tone="brand">{t("unread", { count: unread.get(channel.id)! })}</Badge>
                      ) : canReadChannel(null, channel) ? (
                        <Badge tone="teal">{t("public")}</Badge>
                      ) : (
                        <Badge>{t("membersOnly")}</Badge>
                      )}
                    </div>
                    <p className="text-muted">{channel.description}</p>
                    {isReadable ? (
                      <p className="mt-auto text-sm text-muted">
                        {t("threadCount", { count: counts.get(channel.id)?.threads ?? 0 })}
                        {counts.get(channel.id)?.lastActivityAt ? (
                          <>
                            {" · "}
                            <RelativeTime date={counts.get(channel.id)!.lastActivityAt!} />
                          </>
                        ) : null}
                      </p>
                    ) : (
                      <p className="mt-auto text-sm text-muted">{t("joinToRead")}</p>
                    )}
                  </Card>
                </li>
              );
            })}
        </ul>
      </section>
      <LiveRefresh
        channels={channels.filter((channel) => isListedChannel(user, channel)).map((channel) => channel.slug)}
        viewerId={user?.id ?? null}
      />
    </div>
  );
}
