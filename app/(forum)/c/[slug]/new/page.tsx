import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { channelName } from "@/lib/forum/channel-name";
import type { JSONContent } from "@tiptap/react";
import { NewThreadForm } from "@/components/forum/new-thread-form";
import { ComposePage } from "@/components/forum/compose-page";
import { getCurrentUser } from "@/lib/auth/session";
import { loadChannel } from "@/lib/forum/loaders";
import { getMyDraft } from "@/lib/forum/reads";
import { canPostInChannel } from "@/lib/permissions";
import { getMentionTarget } from "@/lib/pros/service";
import { isUuid } from "@/lib/validation/ids";
import { contextFor } from "@/lib/context";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ ask?: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("forum"))("newThread"), robots: { index: false } };
}

export default async function NewThreadPage({ params, searchParams }: Props) {
  const locale = await getLocale();
  const { slug } = await params;
  const { ask } = await searchParams;
  const user = await getCurrentUser();
  if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent(`/c/${slug}/new`)}`);
  const channel = await loadChannel(slug);
  if (!channel || !canPostInChannel(user, channel)) notFound();
  const [draft, askTarget] = await Promise.all([
    getMyDraft(user, `thread:${channel.id}`),
    // "Poser une question à …" from the pro directory: only where questions are welcome.
    ask && isUuid(ask) && channel.allowsQuestions ? getMentionTarget(contextFor(user), ask) : null,
  ]);
  const t = await getTranslations("forum");
  return (
    <ComposePage
      back={{ href: `/c/${channel.slug}`, label: channelName(channel, locale) }}
      title={t("newThreadIn", { channel: channelName(channel, locale) })}
      intro={channel.rules}
    >
      <NewThreadForm
        channelId={channel.id}
        channelSlug={channel.slug}
        draft={
          draft
            ? {
                title: draft.payload.title ?? "",
                body: (draft.payload.body as JSONContent) ?? null,
                savedAt: draft.updatedAt.toISOString(),
              }
            : null
        }
        ownerId={user.id}
        allowsQuestions={channel.allowsQuestions}
        ask={askTarget}
      />
    </ComposePage>
  );
}
