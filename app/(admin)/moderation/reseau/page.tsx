import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { CommunitySourceActions } from "@/components/network/community-source-actions";
import { FollowCommunityForm } from "@/components/network/follow-community-form";
import { Card } from "@/components/ui/card";
import { getCurrentUser } from "@/lib/auth/session";
import { contextFor } from "@/lib/context";
import { listFollowedCommunities } from "@/lib/network/service";
import { canManageNetwork } from "@/lib/permissions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("network"))("manageTitle") };
}

/** Admins choose which other communities' offers appear in "Offres du réseau". */
export default async function NetworkPage() {
  const user = await getCurrentUser();
  if (!canManageNetwork(user)) notFound();
  const [sources, t, format] = await Promise.all([
    listFollowedCommunities(contextFor(user)),
    getTranslations("network"),
    getFormatter(),
  ]);
  return (
    <div className="flex max-w-3xl flex-col gap-5">
      <header>
        <h1 className="text-2xl font-extrabold">{t("manageTitle")}</h1>
        <p className="mt-1 text-muted">{t("manageIntro")}</p>
      </header>
      <Card>
        <h2 className="mb-3 text-lg font-bold">{t("addTitle")}</h2>
        <FollowCommunityForm />
      </Card>
      <section aria-labelledby="network-sources" className="flex flex-col gap-3">
        <h2 id="network-sources" className="text-lg font-bold">
          {t("listTitle")}
        </h2>
        {sources.length === 0 ? (
          <p className="text-muted">{t("listEmpty")}</p>
        ) : (
          <ul className="flex flex-col divide-y divide-line overflow-hidden rounded-2xl border border-line bg-white">
            {sources.map((source) => (
              <li key={source.id} className="flex flex-col gap-2 p-4">
                <div className="flex flex-wrap items-baseline justify-between gap-2">
                  <p className="font-bold">{source.name}</p>
                  <p className="text-sm text-muted">{t("offerCount", { count: source.offerCount })}</p>
                </div>
                <p className="text-sm break-all text-muted">{source.baseUrl}</p>
                <p className="text-sm text-muted">
                  {source.lastFetchedAt
                    ? t("lastFetched", {
                        date: format.dateTime(source.lastFetchedAt, {
                          dateStyle: "medium",
                          timeStyle: "short",
                          timeZone: "Europe/Paris",
                        }),
                      })
                    : t("neverFetched")}
                </p>
                {source.lastError ? (
                  <p className="text-sm font-medium text-danger">{t("lastError", { error: source.lastError })}</p>
                ) : null}
                <CommunitySourceActions sourceId={source.id} name={source.name} />
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
