import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ReviewRequestForm } from "@/components/reviews/review-request-form";
import { ComposePage } from "@/components/forum/compose-page";
import { getCurrentUser } from "@/lib/auth/session";
import { loadChannel } from "@/lib/forum/loaders";
import { channelDocKind } from "@/lib/forum/kinds";
import { canPostInChannel } from "@/lib/permissions";
import { maxUploadMb } from "@/lib/uploads/limits";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("review"))("askReview"), robots: { index: false, follow: false } };
}

export default async function NewReviewPage({ params }: Props) {
  const { slug } = await params;
  const user = await getCurrentUser();
  if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent(`/c/${slug}/review/new`)}`);
  const channel = await loadChannel(slug);
  if (!channel || channel.kind !== "review" || !canPostInChannel(user, channel)) notFound();
  const t = await getTranslations("review");
  return (
    <ComposePage
      back={{ href: `/c/${channel.slug}`, label: channel.name }}
      title={t("newTitle", { channel: channel.name })}
      intro={t("intro")}
    >
      <ReviewRequestForm
        channelSlug={channel.slug}
        isLetter={channelDocKind(channel) === "letter"}
        maxMb={maxUploadMb()}
      />
    </ComposePage>
  );
}
