"use client";

import type { JSONContent } from "@tiptap/react";
import { useTranslations } from "next-intl";
import { useCallback, useEffect, useState } from "react";
import { createReplyAction, loadMorePostsAction } from "@/lib/actions/forum";
import { Button } from "@/components/ui/button";
import type { PostView } from "@/lib/forum/views";
import { AcceptedAnswerSlot } from "@/components/questions/accepted-answer";
import { LazyComposer } from "./lazy-composer";
import { localDraftKey, readLocalDraft } from "./local-draft";
import { ReplyStarter, textToDoc } from "./reply-starter";
import { MarkThreadRead } from "./mark-thread-read";
import { PostCard } from "./post-card";
import { insertPost, type ThreadState } from "./thread-state";
import { useLiveThread } from "./use-live-thread";

export type ThreadViewProps = {
  threadId: number;
  viewer: { id: string } | null;
  initial: ThreadState;
  canReply: boolean;
  isLocked: boolean;
  /** Set when replies are for members (under a public offer): a visitor sees how many, and this sign-in link. */
  repliesSignInHref?: string | null;
  /** A reply the member was writing here, saved on the server. */
  replyDraft: { body: JSONContent | null; replyToId: number | null; savedAt: string } | null;
};

type Replying = {
  rootId: number | null;
  targetName?: string;
  mention?: { id: string; label: string };
  /** Typed in the plain box before the editor loaded. */
  seed?: JSONContent | null;
};

/** Moves focus to a post once it is on the page (after sending, the new reply). */
function focusPost(number: number) {
  requestAnimationFrame(() => {
    const element = document.getElementById(`p${number}`);
    if (!element) return;
    element.setAttribute("tabindex", "-1");
    element.focus();
  });
}

export function ThreadView({
  threadId,
  viewer,
  initial,
  canReply: canReplyInitially,
  isLocked: isLockedInitially,
  replyDraft,
  repliesSignInHref = null,
}: ThreadViewProps) {
  const t = useTranslations("forum");
  const tLive = useTranslations("live");
  const [state, setState] = useState<ThreadState>(initial);
  const [replying, setReplying] = useState<Replying | null>(replyDraft ? { rootId: replyDraft.replyToId } : null);
  const [draftBody, setDraftBody] = useState<JSONContent | null>(replyDraft?.body ?? null);
  const [isLoadingMore, setIsLoadingMore] = useState(false);

  const upsert = useCallback((post: PostView) => setState((current) => insertPost(current, post)), []);
  const { typingNames, presence, signalTyping, lockState } = useLiveThread(threadId, viewer, setState, state.maxNumber);
  // Locked while open: the reply box goes away at once (the server refuses replies anyway).
  const isLocked = lockState ?? isLockedInitially;
  const canReply = lockState === true ? false : canReplyInitially;
  const newBelow = state.hasMore ? (state.unseenCount ?? 0) : 0;

  // A reply kept in this browser (typed offline, say) reopens its box; the composer restores it.
  useEffect(() => {
    if (!viewer || replying || !canReplyInitially) return;
    const local = readLocalDraft(localDraftKey(viewer.id, `reply:${threadId}`));
    // localStorage exists only in the browser: read after hydration, so server and client HTML match.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    if (local) setReplying({ rootId: local.replyToId ?? null });
    // Once, on mount.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const startFromPlainBox = useCallback((text: string) => setReplying({ rootId: null, seed: textToDoc(text) }), []);

  // Scroll to and highlight a post named in the address (#p12).
  useEffect(() => {
    const target = window.location.hash ? document.getElementById(window.location.hash.slice(1)) : null;
    target?.scrollIntoView({ block: "start" });
  }, []);

  const startReply = (post: PostView) => {
    setDraftBody(null);
    const isNested = post.replyToId !== null;
    const rootId = post.number === 1 ? null : (post.replyToId ?? post.id);
    // Answering a nested reply attaches to its thread of replies and mentions its author.
    setReplying({
      rootId,
      targetName: post.number === 1 ? undefined : post.author.name,
      mention: isNested ? { id: post.author.id, label: post.author.name } : undefined,
    });
  };

  const loadMore = async () => {
    setIsLoadingMore(true);
    const result = await loadMorePostsAction({ threadId, after: state.lastNumber });
    setIsLoadingMore(false);
    if (!result.ok) return;
    setState((current) => {
      let next: ThreadState = { ...current, hasMore: result.data.hasMore, lastNumber: result.data.lastNumber };
      for (const { post, children } of result.data.replies) {
        next = insertPost(next, post, { force: true });
        for (const child of children) next = insertPost(next, child);
      }
      return next;
    });
  };

  const composer = (rootId: number | null) =>
    canReply && replying && replying.rootId === rootId ? (
      <div className={rootId ? "" : "rounded-2xl border border-line bg-white p-4 sm:p-5"}>
        <LazyComposer
          mode="reply"
          editorId={rootId ? `reply-${rootId}` : "reply"}
          label={replying.targetName ? t("replyTo", { name: replying.targetName }) : t("yourReply")}
          submitLabel={t("sendReply")}
          draftTarget={`reply:${threadId}`}
          draftReplyToId={rootId}
          draftOwnerId={viewer?.id}
          draftSavedAt={replyDraft?.savedAt}
          isRestoredDraft={Boolean(draftBody)}
          onTyping={signalTyping}
          initialBody={
            draftBody ??
            replying.seed ??
            (replying.mention
              ? {
                  type: "doc",
                  content: [
                    {
                      type: "paragraph",
                      content: [
                        { type: "mention", attrs: replying.mention },
                        { type: "text", text: " " },
                      ],
                    },
                  ],
                }
              : null)
          }
          onCancel={() => {
            setReplying(null);
            setDraftBody(null);
          }}
          onSubmit={async ({ body, idempotencyKey }) => {
            const result = await createReplyAction({ threadId, replyToId: rootId, body, idempotencyKey });
            if (!result.ok) return result;
            upsert(result.data.post);
            setReplying(null);
            setDraftBody(null);
            // Focus follows the action: to the reply just sent, not to <body>.
            focusPost(result.data.post.number);
            return { ok: true };
          }}
        />
      </div>
    ) : null;

  return (
    <div className="flex flex-col gap-4">
      {viewer ? <MarkThreadRead threadId={threadId} number={state.maxNumber} /> : null}
      {state.opening ? (
        <PostCard post={state.opening} isOpening canReply={canReply} onReply={startReply} onChange={upsert} />
      ) : null}
      <AcceptedAnswerSlot />
      <div className="mt-2 flex flex-wrap items-baseline justify-between gap-2">
        <h2 className="text-lg font-bold">{t("repliesHeading", { count: state.replyCount })}</h2>
        {presence > 1 ? (
          <p className="text-sm text-muted" aria-live="polite">
            <span aria-hidden="true" className="mr-1 inline-block size-2 rounded-full bg-success" />
            {tLive("presence", { count: presence })}
          </p>
        ) : null}
      </div>
      {repliesSignInHref ? (
        <p className="rounded-xl bg-sand px-4 py-3 text-sm">
          {t("repliesForMembers")}{" "}
          <a href={repliesSignInHref} className="font-semibold text-teal underline">
            {t("signInToReadReplies")}
          </a>
        </p>
      ) : null}
      {state.hasEarlier ? (
        <a href="?" className="self-start font-semibold text-teal underline">
          {t("earlierReplies")}
        </a>
      ) : null}
      <ol className="flex flex-col gap-4">
        {state.replies.map(({ post, children }) => (
          <li key={post.id}>
            <PostCard post={post} canReply={canReply} onReply={startReply} onChange={upsert}>
              {children.length > 0 || (replying && replying.rootId === post.id) ? (
                <>
                  {children.map((child) => (
                    <PostCard
                      key={child.id}
                      post={child}
                      isNested
                      canReply={canReply}
                      onReply={startReply}
                      onChange={upsert}
                    />
                  ))}
                  {composer(post.id)}
                </>
              ) : null}
            </PostCard>
          </li>
        ))}
      </ol>
      {newBelow > 0 ? (
        // A jump to the first of them (the window that holds it), never thousands inserted at once.
        <a
          href={`?post=${state.firstUnseenNumber}#p${state.firstUnseenNumber}`}
          className="self-center rounded-full bg-teal px-4 py-2 text-sm font-semibold text-white"
        >
          {tLive("newReplies", { count: newBelow })}
        </a>
      ) : null}
      {state.hasMore ? (
        <Button variant="secondary" onClick={() => void loadMore()} disabled={isLoadingMore} className="self-center">
          {isLoadingMore ? t("loading") : t("loadMore")}
        </Button>
      ) : null}
      <div aria-live="polite" className="min-h-6 text-sm text-muted">
        {typingNames.length === 1 ? tLive("typingOne", { name: typingNames[0]! }) : null}
        {typingNames.length > 1 ? tLive("typingMany", { names: typingNames.join(", ") }) : null}
      </div>
      {isLocked ? <p className="rounded-xl bg-sand px-4 py-3 text-sm font-semibold">{t("lockedNotice")}</p> : null}
      {canReply && !state.hasMore ? (
        replying && replying.rootId === null ? (
          composer(null)
        ) : (
          <ReplyStarter label={t("writeReply")} onStart={startFromPlainBox} />
        )
      ) : null}
    </div>
  );
}
