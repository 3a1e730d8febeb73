import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { channelName } from "@/lib/forum/channel-name";
import { PitchForm } from "@/components/pitches/pitch-form";
import { ComposePage } from "@/components/forum/compose-page";
import { getCurrentUser } from "@/lib/auth/session";
import { loadChannel } from "@/lib/forum/loaders";
import { canPostInChannel } from "@/lib/permissions";
import { MAX_PITCH_SECONDS } from "@/lib/pitches/service";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("review.pitch"))("record"), robots: { index: false, follow: false } };
}

export default async function NewPitchPage({ params }: Props) {
  const locale = await getLocale();
  const { slug } = await params;
  const user = await getCurrentUser();
  if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent(`/c/${slug}/pitch/new`)}`);
  const channel = await loadChannel(slug);
  if (!channel || channel.kind !== "pitch" || !canPostInChannel(user, channel)) notFound();
  const t = await getTranslations("review.pitch");
  return (
    <ComposePage
      back={{ href: `/c/${channel.slug}`, label: channelName(channel, locale) }}
      title={t("newTitle", { channel: channelName(channel, locale) })}
      intro={t("intro")}
    >
      <PitchForm channelSlug={channel.slug} maxSeconds={MAX_PITCH_SECONDS} />
    </ComposePage>
  );
}
