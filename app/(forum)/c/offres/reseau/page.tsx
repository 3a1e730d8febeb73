import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { NetworkOfferList } from "@/components/network/network-offer-list";
import { buttonClasses } from "@/components/ui/button";
import { SelectField } from "@/components/ui/field";
import { Pagination } from "@/components/ui/pagination";
import { getCurrentUser } from "@/lib/auth/session";
import { contextFor } from "@/lib/context";
import { loadChannel } from "@/lib/forum/loaders";
import { translateKey } from "@/lib/i18n/translate-key";
import { browseNetworkOffers } from "@/lib/network/service";
import { OFFERS_CHANNEL_SLUG, offerContracts, workModes } from "@/lib/offers/constants";
import { departements } from "@/lib/offers/departements";
import { canReadChannel } from "@/lib/permissions";
import { networkOfferFiltersSchema, type NetworkOfferFiltersInput } from "@/lib/validation/network";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const PATH = `/c/${OFFERS_CHANNEL_SLUG}/reseau`;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("network");
  return { title: t("title"), description: t("intro") };
}

function queryOf(filters: NetworkOfferFiltersInput, after?: string): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...filters, after })) {
    if (value !== undefined && value !== "") params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : "";
}

/** "Offres du réseau": what the communities this one follows publish, public like the offers channel. */
export default async function NetworkOffersPage({ searchParams }: Props) {
  const raw = await searchParams;
  const { after, ...filters } = networkOfferFiltersSchema.parse(
    Object.fromEntries(Object.entries(raw).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value])),
  );
  const [channel, user] = await Promise.all([loadChannel(OFFERS_CHANNEL_SLUG), getCurrentUser()]);
  if (!channel || !canReadChannel(user, channel)) notFound();
  const [{ items, nextCursor, sources }, t, tOffers] = await Promise.all([
    browseNetworkOffers(contextFor(user), {
      filters: { ...filters, sourceId: filters.source },
      cursor: after,
    }),
    getTranslations("network"),
    getTranslations("offers"),
  ]);
  const option = (prefix: string) => (value: string) => ({ value, label: translateKey(tOffers, `${prefix}.${value}`) });
  const isFiltered = Object.values(filters).some((value) => value !== undefined);
  return (
    <div className="flex flex-col gap-5">
      <header className="flex flex-col gap-2">
        <Link href={`/c/${OFFERS_CHANNEL_SLUG}`} className="self-start text-sm font-semibold text-teal underline">
          {t("backToOffers")}
        </Link>
        <h1 className="text-2xl font-extrabold sm:text-3xl">{t("title")}</h1>
        <p className="max-w-2xl text-muted">{t("intro")}</p>
      </header>
      {sources.length === 0 ? (
        <p className="rounded-2xl border border-dashed border-line bg-white p-8 text-center text-muted">
          {t("emptyNoSource")}
        </p>
      ) : (
        <>
          <form
            method="get"
            action={PATH}
            role="search"
            aria-label={t("filters")}
            className="rounded-2xl border border-line bg-white p-4 sm:p-5"
          >
            <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
              <SelectField
                id="source"
                label={t("source")}
                placeholder={t("allSources")}
                options={sources.map((source) => ({ value: String(source.id), label: source.name }))}
                defaultValue={filters.source ? String(filters.source) : ""}
              />
              <SelectField
                id="contract"
                label={tOffers("fields.contract")}
                placeholder={tOffers("list.allContracts")}
                options={offerContracts.map(option("contract"))}
                defaultValue={filters.contract ?? ""}
              />
              <SelectField
                id="workMode"
                label={tOffers("fields.workMode")}
                placeholder={tOffers("list.allModes")}
                options={workModes.map(option("workMode"))}
                defaultValue={filters.workMode ?? ""}
              />
              <SelectField
                id="department"
                label={tOffers("fields.department")}
                placeholder={tOffers("list.allDepartments")}
                options={departements.map(([code, name]) => ({ value: code, label: `${code} · ${name}` }))}
                defaultValue={filters.department ?? ""}
              />
            </div>
            <div className="mt-4 flex flex-wrap items-center gap-x-5 gap-y-3">
              <button type="submit" className={buttonClasses("primary", "sm")}>
                {t("apply")}
              </button>
              {isFiltered ? (
                <Link href={PATH} className="text-sm font-semibold text-teal underline">
                  {tOffers("list.reset")}
                </Link>
              ) : null}
            </div>
          </form>
          <section aria-labelledby="network-results" className="flex flex-col gap-3">
            <h2 id="network-results" className="sr-only">
              {tOffers("list.results")}
            </h2>
            {items.length === 0 ? (
              <p className="rounded-2xl border border-dashed border-line bg-white p-8 text-center text-muted">
                {t("empty")}
              </p>
            ) : (
              <NetworkOfferList offers={items} />
            )}
          </section>
          <Pagination
            label={tOffers("list.pagination")}
            first={after ? { href: `${PATH}${queryOf(filters)}`, label: tOffers("list.first") } : null}
            next={nextCursor ? { href: `${PATH}${queryOf(filters, nextCursor)}`, label: tOffers("list.older") } : null}
          />
        </>
      )}
    </div>
  );
}
