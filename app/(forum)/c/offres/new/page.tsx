import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { channelName } from "@/lib/forum/channel-name";
import { OfferForm } from "@/components/offers/offer-form";
import { ComposePage } from "@/components/forum/compose-page";
import { getCurrentUser } from "@/lib/auth/session";
import { loadChannel } from "@/lib/forum/loaders";
import { OFFERS_CHANNEL_SLUG } from "@/lib/offers/constants";
import { canPostInChannel, canPublishOfferAsEmployer, canShareOffer } from "@/lib/permissions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("offers"))("publish"), robots: { index: false } };
}

/** Employers (pros, team) publish; members share an offer found elsewhere. */
export default async function NewOfferPage() {
  const locale = await getLocale();
  const user = await getCurrentUser();
  if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent(`/c/${OFFERS_CHANNEL_SLUG}/new`)}`);
  const channel = await loadChannel(OFFERS_CHANNEL_SLUG);
  if (!channel || !canPostInChannel(user, channel) || !canShareOffer(user)) notFound();
  const isEmployer = canPublishOfferAsEmployer(user);
  const t = await getTranslations("offers");
  return (
    <ComposePage
      back={{ href: `/c/${channel.slug}`, label: channelName(channel, locale) }}
      title={isEmployer ? t("newTitleEmployer") : t("newTitleShared")}
      intro={isEmployer ? t("newIntroEmployer") : t("newIntroShared")}
    >
      <OfferForm
        origin={isEmployer ? "employer" : "shared"}
        cancelHref={`/c/${channel.slug}`}
        initial={{
          title: "",
          organisation: isEmployer ? (user.organisation ?? "") : "",
          essFamily: "",
          contract: "",
          city: "",
          department: "",
          workMode: "",
          salaryMin: "",
          salaryMax: "",
          salaryPeriod: "year",
          startDate: "",
          deadline: "",
          howToApply: "",
          sourceUrl: "",
        }}
      />
    </ComposePage>
  );
}
