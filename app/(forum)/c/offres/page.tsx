import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { channelName } from "@/lib/forum/channel-name";
import { OfferFiltersForm } from "@/components/offers/offer-filters";
import { OfferList } from "@/components/offers/offer-list";
import { FollowControl } from "@/components/notifications/follow-control";
import { SaveSearchButton } from "@/components/notifications/save-search-button";
import { LiveRefresh } from "@/components/realtime/live-refresh";
import { ButtonLink } from "@/components/ui/button";
import { Pagination } from "@/components/ui/pagination";
import { getCurrentUser } from "@/lib/auth/session";
import { loadChannel } from "@/lib/forum/loaders";
import { OFFERS_CHANNEL_SLUG } from "@/lib/offers/constants";
import { countFilters, filtersToQuery } from "@/lib/offers/filters";
import { listMySavedOfferIds } from "@/lib/offers/reads";
import { browseOffers, offerPath } from "@/lib/offers/service";
import { absoluteUrl } from "@/lib/urls";
import { getMyChannelFollowLevel } from "@/lib/notifications/service";
import { listMyOfferSearches } from "@/lib/offers/saved-searches";
import { countOpenNetworkOffers } from "@/lib/network/service";
import { canFollow, canPostInChannel, canPublishOfferAsEmployer, canReadChannel } from "@/lib/permissions";
import { parseOfferFilters } from "@/lib/validation/offers";
import { contextFor } from "@/lib/context";

type SearchParams = Record<string, string | string[] | undefined>;
type Props = { searchParams: Promise<SearchParams> };

const PATH = `/c/${OFFERS_CHANNEL_SLUG}`;

function afterOf(params: SearchParams): string | undefined {
  const value = params.after;
  return typeof value === "string" && value.length <= 200 ? value : undefined;
}

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const t = await getTranslations("offers");
  const query = filtersToQuery(parseOfferFilters(await searchParams));
  const feedTitle = t("feed.title");
  return {
    title: t("title"),
    description: t("metaDescription"),
    alternates: {
      canonical: absoluteUrl(`${PATH}${query}`),
      // Feed readers find the feeds of exactly this filtered view.
      types: {
        "application/atom+xml": [{ url: absoluteUrl(`/feeds/offres.xml${query}`), title: feedTitle }],
        "application/feed+json": [{ url: absoluteUrl(`/feeds/offres.json${query}`), title: feedTitle }],
      },
    },
    openGraph: {
      title: t("title"),
      description: t("metaDescription"),
      type: "website",
      url: absoluteUrl(`${PATH}${query}`),
    },
  };
}

/** The offres channel: structured offers with filters that combine, public. */
export default async function OffersPage({ searchParams }: Props) {
  const locale = await getLocale();
  const params = await searchParams;
  const filters = parseOfferFilters(params);
  const after = afterOf(params);
  // One address per view: empty fields of the GET form and unknown values are dropped.
  const canonical = filtersToQuery(filters, { after });
  const given = new URLSearchParams(
    Object.entries(params).flatMap(([key, value]) => [value ?? []].flat().map((item) => [key, item])),
  ).toString();
  if (given && `?${given}` !== canonical) redirect(`${PATH}${canonical}`);

  const [channel, user] = await Promise.all([loadChannel(OFFERS_CHANNEL_SLUG), getCurrentUser()]);
  if (!channel || !canReadChannel(user, channel)) notFound();
  const t = await getTranslations("offers");
  // The same read as GET /api/v1/job-offers and the feeds.
  const { items, nextCursor } = await browseOffers(contextFor(user), { filters, cursor: after });
  const [saved, mySearches, followLevel, networkCount, tNetwork] = await Promise.all([
    listMySavedOfferIds(
      user,
      items.map((item) => item.threadId),
    ),
    canFollow(user) ? listMyOfferSearches(contextFor(user)) : null,
    getMyChannelFollowLevel(contextFor(user), channel.id),
    countOpenNetworkOffers(contextFor(user)),
    getTranslations("network"),
  ]);
  const query = filtersToQuery(filters);

  return (
    <div className="flex flex-col gap-5">
      <header className="flex flex-col gap-3 sm:flex-row sm:items-start sm:justify-between">
        <div>
          <h1 className="text-2xl font-extrabold sm:text-3xl">{channelName(channel, locale)}</h1>
          <p className="mt-1 max-w-2xl text-muted">{channel.description}</p>
          {networkCount > 0 ? (
            <Link
              href={`${PATH}/reseau`}
              className="mt-2 inline-flex min-h-11 items-center font-semibold text-teal underline"
            >
              {tNetwork("linkFromOffers", { count: networkCount })}
            </Link>
          ) : null}
        </div>
        {user && canPostInChannel(user, channel) ? (
          <ButtonLink href={`${PATH}/new`} className="self-start">
            {canPublishOfferAsEmployer(user) ? t("publish") : t("share")}
          </ButtonLink>
        ) : !user ? (
          <ButtonLink
            href={`/sign-in?callbackUrl=${encodeURIComponent(`${PATH}/new`)}`}
            variant="secondary"
            className="self-start"
          >
            {t("share")}
          </ButtonLink>
        ) : null}
      </header>
      <OfferFiltersForm action={PATH} filters={filters} activeCount={countFilters(filters)} />
      <div className="flex flex-wrap items-center justify-between gap-3">
        {/* One plain-words link (Atom, which every feed reader takes); the JSON Feed stays linked in the head. */}
        <a
          href={`/feeds/offres.xml${query}`}
          className="inline-flex min-h-11 items-center gap-2 text-sm font-semibold text-teal underline"
          type="application/atom+xml"
        >
          <svg
            aria-hidden="true"
            viewBox="0 0 24 24"
            className="size-5"
            fill="none"
            stroke="currentColor"
            strokeWidth="2"
          >
            <path d="M5 11a8 8 0 0 1 8 8M5 5a14 14 0 0 1 14 14" strokeLinecap="round" />
            <circle cx="6" cy="18" r="1.5" fill="currentColor" />
          </svg>
          {t("list.subscribe")}
        </a>
        {mySearches ? (
          <SaveSearchButton
            filters={{ ...filters, open: undefined }}
            isSaved={mySearches.some(
              (search) => `?${search.query}` === filtersToQuery({ ...filters, open: undefined }),
            )}
          />
        ) : null}
      </div>
      {followLevel ? (
        <div className="rounded-xl border border-line bg-white px-4 py-3 sm:max-w-sm">
          <FollowControl channelSlug={channel.slug} initialLevel={followLevel} />
        </div>
      ) : null}
      <section aria-labelledby="offer-results" className="flex flex-col gap-3">
        <h2 id="offer-results" className="sr-only">
          {t("list.results")}
        </h2>
        {items.length === 0 ? (
          <p className="rounded-2xl border border-dashed border-line bg-white p-8 text-center text-muted">
            {after ? t("list.noMore") : t("list.noOffers")}
          </p>
        ) : (
          <OfferList
            offers={items.map((offer) => ({ ...offer, href: offerPath(offer), isSaved: saved.has(offer.threadId) }))}
          />
        )}
      </section>
      {after ? null : <LiveRefresh channels={[channel.slug]} viewerId={user?.id ?? null} />}
      <Pagination
        label={t("list.pagination")}
        first={after ? { href: `${PATH}${query}`, label: t("list.first") } : null}
        next={
          nextCursor
            ? { href: `${PATH}${filtersToQuery(filters, { after: nextCursor })}`, label: t("list.older") }
            : null
        }
      />
    </div>
  );
}
