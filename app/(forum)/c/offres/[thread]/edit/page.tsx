import type { JSONContent } from "@tiptap/react";
import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { OfferForm } from "@/components/offers/offer-form";
import { ComposePage } from "@/components/forum/compose-page";
import { getCurrentUser } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { getEditableOffer, offerPath } from "@/lib/offers/service";
import { parseThreadRef } from "@/lib/slug";
import { contextFor } from "@/lib/context";

type Props = { params: Promise<{ thread: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("offers"))("editTitle"), robots: { index: false } };
}

async function loadEditable(user: Awaited<ReturnType<typeof getCurrentUser>>, threadId: number) {
  try {
    return await getEditableOffer(contextFor(user), threadId);
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") return null;
    throw error;
  }
}

/** The author edits the fields and the description; anyone else gets a 404. */
export default async function EditOfferPage({ params }: Props) {
  const { thread: ref } = await params;
  const threadId = parseThreadRef(ref);
  const user = await getCurrentUser();
  if (!threadId) notFound();
  if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent(`/c/offres/${ref}/edit`)}`);
  const offer = await loadEditable(user, threadId);
  if (!offer) notFound();
  const t = await getTranslations("offers");
  const path = offerPath(offer);
  return (
    <ComposePage back={{ href: path, label: offer.title }} title={t("editTitle")}>
      <OfferForm
        origin={offer.origin}
        cancelHref={path}
        edit={{ threadId: offer.threadId, version: offer.opening.version }}
        initialBody={offer.opening.body as JSONContent}
        initial={{
          title: offer.title,
          organisation: offer.organisation,
          essFamily: offer.essFamily,
          contract: offer.contract,
          city: offer.city,
          department: offer.department,
          workMode: offer.workMode,
          salaryMin: offer.salaryMin?.toString() ?? "",
          salaryMax: offer.salaryMax?.toString() ?? "",
          salaryPeriod: offer.salaryPeriod,
          startDate: offer.startDate,
          deadline: offer.deadline ?? "",
          howToApply: offer.howToApply,
          sourceUrl: offer.sourceUrl ?? "",
        }}
      />
    </ComposePage>
  );
}
