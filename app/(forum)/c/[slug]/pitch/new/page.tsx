import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PitchForm } from "@/components/pitches/pitch-form";
import { Card } from "@/components/ui/card";
import { getDb } from "@/db";
import { getChannelBySlug } from "@/db/queries/channels";
import { getCurrentUser } from "@/lib/auth/session";
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
  const channel = await getChannelBySlug(getDb(), { slug });
  if (!channel || channel.kind !== "pitch" || !canPostInChannel(user, channel)) notFound();
  const t = await getTranslations("review.pitch");
  const tForum = await getTranslations("forum");
  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-4">
      <nav aria-label={tForum("breadcrumb")} className="text-sm">
        <Link href={`/c/${channel.slug}`} className="font-semibold text-teal underline">
          {channel.name}
        </Link>
      </nav>
      <h1 className="text-2xl font-extrabold">{t("newTitle", { channel: channel.name })}</h1>
      <p className="rounded-xl bg-sand/70 px-4 py-3 text-sm">{t("intro")}</p>
      <Card>
        <PitchForm channelSlug={channel.slug} maxSeconds={MAX_PITCH_SECONDS} />
      </Card>
    </div>
  );
}
