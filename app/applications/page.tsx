import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ApplicationCard } from "@/components/offers/application-card";
import { ButtonLink } from "@/components/ui/button";
import { Pagination } from "@/components/ui/pagination";
import { getCurrentUser } from "@/lib/auth/session";
import { isOfferOpen } from "@/lib/offers/expiry";
import { offerSummaryLine } from "@/lib/offers/labels";
import { offerPath } from "@/lib/offers/service";
import { listMyApplications } from "@/lib/offers/tracker";
import { translateKey } from "@/lib/i18n/translate-key";
import { contextFor } from "@/lib/context";

type Props = { searchParams: Promise<{ after?: string }> };

const pipelineOrder = ["to_apply", "applied", "interview", "accepted", "rejected"] as const;

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("offers"))("applications.title"), robots: { index: false } };
}

/** "Mes candidatures": the member's private tracker, one page in one query. */
export default async function ApplicationsPage({ searchParams }: Props) {
  const user = await getCurrentUser();
  if (!user) redirect("/sign-in?callbackUrl=/applications");
  const { after } = await searchParams;
  const { items, nextCursor } = await listMyApplications(contextFor(user), { cursor: after });
  const t = await getTranslations("offers");
  const translate = (key: string, values?: Record<string, string | number>) => translateKey(t, key, values);
  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-5">
      <header>
        <h1 className="text-2xl font-extrabold sm:text-3xl">{t("applications.title")}</h1>
        <p className="mt-1 text-muted">{t("applications.intro")}</p>
      </header>
      {items.length === 0 ? (
        <div className="flex flex-col items-center gap-4 rounded-2xl border border-dashed border-line bg-white p-8 text-center">
          <p className="text-muted">{t("applications.empty")}</p>
          <ButtonLink href="/c/offres">{t("applications.browse")}</ButtonLink>
        </div>
      ) : (
        // A pipeline: one section per stage, in the order of a job search, with its count. Within
        // a stage the order is stable (newest saved first): saving a note never moves a card.
        pipelineOrder
          .map((status) => ({ status, entries: items.filter((entry) => entry.status === status) }))
          .filter((group) => group.entries.length > 0)
          .map((group) => (
            <section key={group.status} aria-labelledby={`stage-${group.status}`} className="flex flex-col gap-3">
              <h2 id={`stage-${group.status}`} className="text-lg font-bold">
                {t("applications.sectionCount", { status: t(`status.${group.status}`), count: group.entries.length })}
              </h2>
              {[...group.entries]
                .sort((a, b) => b.id - a.id)
                .map((entry) => (
                  <ApplicationCard
                    key={entry.id}
                    entry={{
                      id: entry.id,
                      status: entry.status,
                      appliedOn: entry.appliedOn,
                      interviewOn: entry.interviewOn,
                      decidedOn: entry.decidedOn,
                      note: entry.note,
                      updatedAt: entry.updatedAt.toISOString(),
                      offer: {
                        href: offerPath(entry.offer),
                        title: entry.offer.title,
                        line: offerSummaryLine(entry.offer, translate),
                        isClosed: !isOfferOpen(entry.offer),
                      },
                    }}
                  />
                ))}
            </section>
          ))
      )}
      <Pagination
        label={t("applications.pagination")}
        first={after ? { href: "/applications", label: t("applications.first") } : null}
        next={nextCursor ? { href: `/applications?after=${nextCursor}`, label: t("applications.older") } : null}
      />
    </div>
  );
}
