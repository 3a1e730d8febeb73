import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { OfferDetails } from "@/components/offers/offer-details";
import type { CurrentUser } from "@/lib/auth/session";
import type { Thread } from "@/lib/forum/types";
import { isOfferExpired } from "@/lib/offers/expiry";
import { jobPostingJsonLd, serializeJsonLd } from "@/lib/offers/json-ld";
import { offerSummaryLine } from "@/lib/offers/labels";
import { loadOfferOfThread as loadOffer } from "@/lib/offers/reads";
import { offerPath } from "@/lib/offers/service";
import { getMyApplicationForOffer } from "@/lib/offers/tracker";
import { absoluteUrl } from "@/lib/urls";
import { canEditOffer, canTrackApplications } from "@/lib/permissions";
import { translateKey } from "@/lib/i18n/translate-key";
import { contextFor } from "@/lib/context";

/**
 * The offer parts of a thread page (app/(forum)/c/[slug]/[thread]/page.tsx calls these for
 * threads of kind "offer"): Open Graph / Twitter metadata, and the structured fields with
 * their JSON-LD above the description. The page has already checked the reader may see it.
 */

export async function offerMetadata(threadId: number): Promise<Metadata> {
  const offer = await loadOffer(threadId);
  if (!offer || offer.isDeleted) return { robots: { index: false } };
  const t = await getTranslations("offers");
  const description = offerSummaryLine(offer, (key, values) => translateKey(t, key, values));
  const url = absoluteUrl(offerPath(offer));
  return {
    title: `${offer.title} · ${offer.organisation}`,
    description: `${description}. ${offer.excerpt}`.slice(0, 300),
    alternates: { canonical: url },
    openGraph: {
      type: "website",
      title: `${offer.title} · ${offer.organisation}`,
      description,
      url,
      siteName: "Pro'pulse",
    },
    twitter: { card: "summary", title: `${offer.title} · ${offer.organisation}`, description },
  };
}

export async function OfferSection({ thread, user }: { thread: Pick<Thread, "id">; user: CurrentUser | null }) {
  const offer = await loadOffer(thread.id);
  if (!offer || offer.isDeleted) return null;
  const entry = await getMyApplicationForOffer(contextFor(user), offer.threadId);
  const path = offerPath(offer);
  return (
    <OfferDetails
      offer={offer}
      isExpired={isOfferExpired(offer)}
      canEdit={canEditOffer(user, offer)}
      editHref={`${path}/edit`}
      tracker={{ canTrack: canTrackApplications(user), entry }}
      jsonLd={serializeJsonLd(jobPostingJsonLd(offer, absoluteUrl(path)))}
    />
  );
}
