import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { channelName } from "@/lib/forum/channel-name";
import { ReviewRequestForm } from "@/components/reviews/review-request-form";
import { ComposePage } from "@/components/forum/compose-page";
import { HelpLinks } from "@/components/help/help-links";
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
  const locale = await getLocale();
  const { slug } = await params;
  const user = await getCurrentUser();
  if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent(`/c/${slug}/review/new`)}`);
  const channel = await loadChannel(slug);
  if (!channel || channel.kind !== "review" || !canPostInChannel(user, channel)) notFound();
  const t = await getTranslations("review");
  return (
    <ComposePage
      back={{ href: `/c/${channel.slug}`, label: channelName(channel, locale) }}
      title={t("newTitle", { channel: channelName(channel, locale) })}
      intro={t("intro")}
      help={<HelpLinks slugs={["poster-mon-cv"]} />}
    >
      <ReviewRequestForm
        channelSlug={channel.slug}
        isLetter={channelDocKind(channel) === "letter"}
        maxMb={maxUploadMb()}
      />
    </ComposePage>
  );
}
