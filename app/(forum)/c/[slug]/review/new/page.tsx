import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ReviewRequestForm } from "@/components/reviews/review-request-form";
import { Card } from "@/components/ui/card";
import { getDb } from "@/db";
import { getChannelBySlug } from "@/db/queries/channels";
import { getCurrentUser } from "@/lib/auth/session";
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
  const channel = await getChannelBySlug(getDb(), { slug });
  if (!channel || channel.kind !== "review" || !canPostInChannel(user, channel)) notFound();
  const t = await getTranslations("review");
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
        <ReviewRequestForm channelSlug={channel.slug} isLetter={channel.slug === "lettres"} maxMb={maxUploadMb()} />
      </Card>
    </div>
  );
}
