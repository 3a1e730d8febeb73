import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { OfferForm } from "@/components/offers/offer-form";
import { Card } from "@/components/ui/card";
import { getDb } from "@/db";
import { getChannelBySlug } from "@/db/queries/channels";
import { getCurrentUser } from "@/lib/auth/session";
import { OFFERS_CHANNEL_SLUG } from "@/lib/offers/constants";
import { canPostInChannel, canPublishOfferAsEmployer, canShareOffer } from "@/lib/permissions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("offers"))("publish"), robots: { index: false } };
}

/** Employers (pros, team) publish; members share an offer found elsewhere. */
export default async function NewOfferPage() {
  const user = await getCurrentUser();
  if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent(`/c/${OFFERS_CHANNEL_SLUG}/new`)}`);
  const channel = await getChannelBySlug(getDb(), { slug: OFFERS_CHANNEL_SLUG });
  if (!channel || !canPostInChannel(user, channel) || !canShareOffer(user)) notFound();
  const isEmployer = canPublishOfferAsEmployer(user);
  const t = await getTranslations("offers");
  const tForum = await getTranslations("forum");
  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-4">
      <nav aria-label={tForum("breadcrumb")} className="text-sm">
        <Link href={`/c/${channel.slug}`} className="font-semibold text-teal underline">
          {channel.name}
        </Link>
      </nav>
      <h1 className="text-2xl font-extrabold">{isEmployer ? t("newTitleEmployer") : t("newTitleShared")}</h1>
      <p className="rounded-xl bg-sand/70 px-4 py-3 text-sm">{isEmployer ? t("newIntroEmployer") : t("newIntroShared")}</p>
      <Card>
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
      </Card>
    </div>
  );
}
