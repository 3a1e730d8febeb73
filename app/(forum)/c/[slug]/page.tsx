import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { channelName } from "@/lib/forum/channel-name";
import { MembersOnly } from "@/components/forum/members-only";
import { ThreadList } from "@/components/forum/thread-list";
import { FollowControl } from "@/components/notifications/follow-control";
import { LiveRefresh } from "@/components/realtime/live-refresh";
import { Alert } from "@/components/ui/alert";
import { ButtonLink } from "@/components/ui/button";
import { Pagination } from "@/components/ui/pagination";
import { loadChannel } from "@/lib/forum/loaders";
import { listChannelThreadPage } from "@/lib/forum/reads";
import { getCurrentUser } from "@/lib/auth/session";
import { kindRules } from "@/lib/forum/kinds";
import { contextFor } from "@/lib/context";
import { getMyChannelFollowLevel } from "@/lib/notifications/service";
import { canPostInChannel, canReadChannel } from "@/lib/permissions";
import { threadPath } from "@/lib/slug";
import { channelKindUi } from "./_kinds";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ after?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await getLocale();
  const channel = await loadChannel((await params).slug);
  if (!channel) return {};
  const isPublic = canReadChannel(null, channel);
  return {
    title: channelName(channel, locale),
    description: channel.description,
    robots: isPublic ? undefined : { index: false },
  };
}

export default async function ChannelPage({ params, searchParams }: Props) {
  const locale = await getLocale();
  const { slug } = await params;
  const { after } = await searchParams;
  const [channel, user] = await Promise.all([loadChannel(slug), getCurrentUser()]);
  if (!channel) notFound();
  if (!canReadChannel(user, channel)) {
    return <MembersOnly callbackUrl={`/c/${slug}`} channelName={channelName(channel, locale)} />;
  }
  const t = await getTranslations("forum");
  const { items, nextCursor } = await listChannelThreadPage(channel, after, user);
  const rules = kindRules(channel);
  const ui = channelKindUi(channel);
  const [badges, composeLabel, followLevel] = await Promise.all([
    ui.listBadges?.(
      items.map((item) => item.id),
      channel,
    ),
    ui.composeLabel?.(),
    getMyChannelFollowLevel(contextFor(user), channel.id),
  ]);
  return (
    <div className="flex flex-col gap-5">
      <header className="flex flex-col gap-3 sm:flex-row sm:items-start sm:justify-between">
        <div>
          <h1 className="text-2xl font-extrabold sm:text-3xl">{channelName(channel, locale)}</h1>
          <p className="mt-1 max-w-2xl text-muted">{channel.description}</p>
        </div>
        {canPostInChannel(user, channel) ? (
          <div className="flex flex-wrap gap-2 self-start">
            {/* A kind with its own form (a review request with its PDF, a pitch): that is the main way in. */}
            {rules.composePath && composeLabel ? (
              <ButtonLink href={`/c/${slug}/${rules.composePath}`}>{composeLabel}</ButtonLink>
            ) : null}
            {rules.acceptsPlainThreads ? (
              <ButtonLink href={`/c/${slug}/new`} variant={composeLabel ? "secondary" : undefined}>
                {t("newThread")}
              </ButtonLink>
            ) : null}
          </div>
        ) : null}
      </header>
      {channel.archivedAt ? <Alert>{t("archivedChannelNotice")}</Alert> : null}
      {channel.rules ? (
        <details className="rounded-xl border border-line bg-sand/60 px-4 py-3 text-sm">
          <summary className="cursor-pointer font-semibold">{t("rules")}</summary>
          <p className="mt-2 whitespace-pre-line">{channel.rules}</p>
        </details>
      ) : null}
      {items.length === 0 ? (
        <p className="rounded-2xl border border-dashed border-line bg-white p-8 text-center text-muted">
          {after ? t("noMoreThreads") : t("noThreads")}
        </p>
      ) : (
        <ThreadList
          threads={items.map((item) => ({ ...item, href: threadPath(slug, item), badges: badges?.get(item.id) }))}
        />
      )}
      {followLevel ? (
        <div className="rounded-xl border border-line bg-white px-4 py-3 sm:max-w-sm">
          <FollowControl channelSlug={channel.slug} initialLevel={followLevel} />
        </div>
      ) : null}
      {after ? null : <LiveRefresh channels={[channel.slug]} viewerId={user?.id ?? null} />}
      <Pagination
        label={t("pagination")}
        first={after ? { href: `/c/${slug}`, label: t("firstPage") } : null}
        next={nextCursor ? { href: `/c/${slug}?after=${nextCursor}`, label: t("olderThreads") } : null}
      />
    </div>
  );
}
