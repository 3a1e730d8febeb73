import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
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
  const { slug } = await params;
  const user = await getCurrentUser();
  if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent(`/c/${slug}/pitch/new`)}`);
  const channel = await loadChannel(slug);
  if (!channel || channel.kind !== "pitch" || !canPostInChannel(user, channel)) notFound();
  const t = await getTranslations("review.pitch");
  return (
    <ComposePage
      back={{ href: `/c/${channel.slug}`, label: channel.name }}
      title={t("newTitle", { channel: channel.name })}
      intro={t("intro")}
    >
      <PitchForm channelSlug={channel.slug} maxSeconds={MAX_PITCH_SECONDS} />
    </ComposePage>
  );
}
