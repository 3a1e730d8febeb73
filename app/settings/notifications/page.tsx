import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PreferencesForm } from "@/components/notifications/preferences-form";
import { PushOptIn } from "@/components/notifications/push-opt-in";
import { SavedSearchList } from "@/components/notifications/saved-search-list";
import { getCurrentUser } from "@/lib/auth/session";
import { contextFor } from "@/lib/context";
import { translateKey } from "@/lib/i18n/translate-key";
import { getMyNotificationPreferences } from "@/lib/notifications/preferences";
import { departementName } from "@/lib/offers/departements";
import { listMyOfferSearches } from "@/lib/offers/saved-searches";
import { canFollow } from "@/lib/permissions";
import { getVapidPublicKey } from "@/lib/push/keys";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("notifications"))("preferences.title"), robots: { index: false } };
}

/** What reaches the member, how and when; their saved offer searches. */
export default async function NotificationSettingsPage() {
  const user = await getCurrentUser();
  if (!user) redirect("/sign-in?callbackUrl=/settings/notifications");
  if (!canFollow(user)) redirect("/waiting");
  const ctx = contextFor(user);
  const [settings, searches] = await Promise.all([getMyNotificationPreferences(ctx), listMyOfferSearches(ctx)]);
  const t = await getTranslations("notifications");
  const vapidPublicKey = getVapidPublicKey();
  const tOffers = await getTranslations("offers");
  // "CDI · Rhône (69) · Télétravail": what the search filters, in words.
  const labelOf = (filters: (typeof searches)[number]["filters"]) => {
    const parts = [
      filters.contract && translateKey(tOffers, `contract.${filters.contract}`),
      filters.workMode && translateKey(tOffers, `workMode.${filters.workMode}`),
      filters.department && `${departementName(filters.department) ?? ""} (${filters.department})`.trim(),
      filters.family && translateKey(tOffers, `family.${filters.family}`),
    ].filter(Boolean);
    return parts.length ? parts.join(" · ") : t("preferences.anyOffer");
  };
  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-6">
      <header>
        <h1 className="text-2xl font-extrabold sm:text-3xl">{t("preferences.title")}</h1>
        <p className="mt-1 text-muted">{t("preferences.intro")}</p>
      </header>
      <PreferencesForm
        initial={{
          delivery: settings.delivery,
          digest: settings.digest,
          quietStart: settings.quietHours.start,
          quietEnd: settings.quietHours.end,
        }}
      />
      {vapidPublicKey ? (
        <section aria-labelledby="this-device" className="flex flex-col gap-3">
          <h2 id="this-device" className="text-lg font-bold">
            {t("preferences.devices")}
          </h2>
          <PushOptIn vapidPublicKey={vapidPublicKey} />
        </section>
      ) : null}
      <section aria-labelledby="saved-searches" className="flex flex-col gap-3">
        <h2 id="saved-searches" className="text-lg font-bold">
          {t("preferences.savedSearches")}
        </h2>
        <SavedSearchList
          searches={searches.map((search) => ({ id: search.id, query: search.query, label: labelOf(search.filters) }))}
        />
      </section>
    </div>
  );
}
