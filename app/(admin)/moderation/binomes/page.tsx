import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { BuddyPairForm, EndPairButton } from "@/components/messages/buddy-board";
import { getCurrentUser } from "@/lib/auth/session";
import { contextFor } from "@/lib/context";
import { readBuddyBoard } from "@/lib/messages/buddies";
import { canManageBuddies } from "@/lib/permissions/conversations";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("messages.buddies"))("boardTitle") };
}

/**
 * Binômes: facilitators pair newcomers with volunteers and follow the pairs — when they last
 * wrote to each other, never what they wrote.
 */
export default async function BuddiesPage() {
  const user = await getCurrentUser();
  if (!canManageBuddies(user)) notFound();
  const [{ pairs, newcomers, volunteers }, t, format] = await Promise.all([
    readBuddyBoard(contextFor(user)),
    getTranslations("messages.buddies"),
    getFormatter(),
  ]);
  const date = (value: Date) => format.dateTime(new Date(value), { dateStyle: "medium" });
  return (
    <div className="flex flex-col gap-6">
      <header>
        <h1 className="text-2xl font-extrabold">{t("boardTitle")}</h1>
        <p className="mt-1 text-muted">{t("boardIntro")}</p>
      </header>
      <section aria-labelledby="pair-form" className="rounded-2xl border border-line bg-white p-4 sm:p-5">
        <h2 id="pair-form" className="mb-3 text-lg font-bold">
          {t("pairTitle")}
        </h2>
        <BuddyPairForm
          newcomers={newcomers.map(({ id, name }) => ({ id, name }))}
          volunteers={volunteers.map(({ id, name, capacity, pairs: count }) => ({
            id,
            name,
            left: capacity - count,
          }))}
        />
      </section>
      <section aria-labelledby="pairs" className="flex flex-col gap-3">
        <h2 id="pairs" className="text-lg font-bold">
          {t("pairsTitle")}
        </h2>
        {pairs.length === 0 ? (
          <p className="rounded-2xl border border-dashed border-line bg-white p-6 text-center text-muted">
            {t("noPairs")}
          </p>
        ) : (
          <ul className="flex flex-col gap-2">
            {pairs.map((pair) => (
              <li
                key={pair.id}
                data-testid="buddy-pair"
                className="flex flex-wrap items-center justify-between gap-2 rounded-2xl border border-line bg-white p-4"
              >
                <div>
                  <p className="font-semibold">
                    {t("pairNames", { newcomer: pair.newcomer.name, buddy: pair.buddy.name })}
                  </p>
                  <p className="text-sm text-muted">
                    {t("since", { date: date(pair.createdAt) })} ·{" "}
                    {pair.lastExchangeAt ? t("lastExchange", { date: date(pair.lastExchangeAt) }) : t("noExchange")}
                  </p>
                </div>
                <EndPairButton pairId={pair.id} />
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
