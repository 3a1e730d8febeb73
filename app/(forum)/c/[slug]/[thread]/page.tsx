import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { channelName } from "@/lib/forum/channel-name";
import { cache } from "react";
import type { JSONContent } from "@tiptap/react";
import { MembersOnly } from "@/components/forum/members-only";
import { ThreadView } from "@/components/forum/thread-view";
import { ThreadTools } from "@/components/moderation/thread-tools";
import { SolvedBadgeSlot, ThreadExtrasProvider } from "@/components/questions/thread-extras";
import { getThreadExtras } from "@/lib/questions/service";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { getCurrentUser } from "@/lib/auth/session";
import { loadChannel } from "@/lib/forum/loaders";
import { getMyDraft, getWindowStartFor, loadThread as loadThreadById } from "@/lib/forum/reads";
import { readThreadPage } from "@/lib/forum/service";
import { canReadChannel, canReadThread, canReply } from "@/lib/permissions";
import { parseThreadRef, threadPath } from "@/lib/slug";
import { threadKindUi } from "../_kinds";
import { contextFor } from "@/lib/context";
import { getMyThreadFollowLevel } from "@/lib/notifications/service";
import { FollowControl } from "@/components/notifications/follow-control";

type Props = { params: Promise<{ slug: string; thread: string }>; searchParams: Promise<{ post?: string }> };

const loadThread = cache(async (ref: string) => {
  const threadId = parseThreadRef(ref);
  return threadId ? loadThreadById(threadId) : null;
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const found = await loadThread((await params).thread);
  // Titles of members-only threads are private too.
  if (!found || !canReadChannel(null, found.channel)) return { robots: { index: false } };
  const metadata = threadKindUi(found.thread).metadata;
  if (metadata) return metadata(found.thread);
  return { title: found.thread.title, description: found.thread.excerpt };
}

export default async function ThreadPage({ params, searchParams }: Props) {
  const locale = await getLocale();
  const { slug, thread: ref } = await params;
  const { post: linkedPost } = await searchParams;
  const [found, user] = await Promise.all([loadThread(ref), getCurrentUser()]);
  if (!found || found.thread.deletedAt || !canReadThread(user, found.channel, found.thread)) {
    const urlChannel = await loadChannel(slug);
    // Whoever cannot read a thread learns nothing of it, not even that it exists: the answer
    // depends on the address only. A visitor at a members-only channel's address is invited to
    // join (sent back to the address they asked for, never one holding the title); everything
    // else is the usual 404.
    if (!user && urlChannel && !canReadChannel(null, urlChannel)) {
      return <MembersOnly callbackUrl={`/c/${urlChannel.slug}/${parseThreadRef(ref) ?? ""}`} />;
    }
    notFound();
  }
  const { thread, channel } = found;
  const canonical = threadPath(channel.slug, thread);
  if (slug !== channel.slug || ref !== `${thread.id}-${thread.slug}`)
    redirect(canonical + (linkedPost ? `?post=${linkedPost}` : ""));

  // A link to one post opens the window that holds it.
  const after = linkedPost ? await getWindowStartFor(thread.id, Number(linkedPost)) : 1;
  // The same read as GET /api/v1/threads/:id. Reading is recorded by the client (MarkThreadRead
  // in ThreadView), not here: rendering a GET writes nothing.
  const [{ page, areRepliesHidden }, draft] = await Promise.all([
    readThreadPage(contextFor(user), { threadId: thread.id, after }),
    getMyDraft(user, `reply:${thread.id}`),
  ]);
  const t = await getTranslations("forum");
  const tQa = await getTranslations("qa");
  const { Section, postLinks } = threadKindUi(thread);
  const [extras, pageCommentLinks, followLevel] = await Promise.all([
    getThreadExtras(contextFor(user), thread, channel),
    postLinks ? postLinks(thread) : {},
    getMyThreadFollowLevel(contextFor(user), thread.id),
  ]);
  return (
    <div className="flex flex-col gap-4">
      <nav aria-label={t("breadcrumb")} className="text-sm">
        <Link href={`/c/${channel.slug}`} className="touch-target font-semibold text-teal underline">
          {channelName(channel, locale)}
        </Link>
      </nav>
      {/* Around the header too: its "Résolue" badge follows the accepted answer live. */}
      <ThreadExtrasProvider
        extras={{
          threadId: thread.id,
          isQuestion: extras.isQuestion,
          acceptedAnswer: extras.acceptedAnswer,
          canAccept: extras.canAccept,
          canModerate: extras.canModerate,
          canReport: extras.canReport,
          viewerId: extras.viewerId,
          canMessage: extras.canMessage,
          pageCommentLinks,
        }}
      >
        <header className="flex flex-col gap-2">
          <h1 className="text-2xl font-extrabold leading-tight break-words sm:text-3xl">{thread.title}</h1>
          <div className="flex flex-wrap gap-2">
            {extras.isQuestion ? <Badge tone="teal">{tQa("questionBadge")}</Badge> : null}
            <SolvedBadgeSlot>
              <Badge tone="success">{tQa("solvedBadge")}</Badge>
            </SolvedBadgeSlot>
            {thread.isPinned ? <Badge tone="brand">{t("pinned")}</Badge> : null}
            {thread.isLocked ? <Badge>{t("locked")}</Badge> : null}
          </div>
        </header>
        {channel.archivedAt ? <Alert>{t("archivedThreadNotice")}</Alert> : null}
        {/* The kind's own part (an offer's fields, the document to review, the recording) comes first. */}
        {Section ? <Section thread={thread} channel={channel} user={user} /> : null}
        {extras.canModerate ? (
          <ThreadTools
            threadId={thread.id}
            isLocked={thread.isLocked}
            isPinned={thread.isPinned}
            moveTargets={extras.moveTargets}
          />
        ) : null}
        <ThreadView
          key={`${thread.id}-${after}`}
          threadId={thread.id}
          viewer={user ? { id: user.id } : null}
          canReply={canReply(user, channel, thread)}
          repliesSignInHref={areRepliesHidden ? `/sign-in?callbackUrl=${encodeURIComponent(canonical)}` : null}
          isLocked={thread.isLocked}
          replyDraft={
            draft
              ? {
                  body: (draft.payload.body as JSONContent) ?? null,
                  replyToId: draft.payload.replyToId ?? null,
                  savedAt: draft.updatedAt.toISOString(),
                }
              : null
          }
          initial={{
            opening: page.opening,
            replies: page.replies,
            hasMore: page.hasMore,
            lastNumber: page.lastNumber,
            hasEarlier: after > 1,
            replyCount: thread.replyCount,
            maxNumber: thread.lastPostNumber,
          }}
        />
      </ThreadExtrasProvider>
      {followLevel ? (
        <div className="rounded-xl border border-line bg-white px-4 py-3 sm:max-w-sm">
          <FollowControl threadId={thread.id} initialLevel={followLevel} />
        </div>
      ) : null}
    </div>
  );
}
