"use client";

import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from "react";
import { useRoom } from "@/components/realtime/use-room";
import type { PostView } from "@/lib/forum/views";

/**
 * What a thread page knows beyond its posts: questions and moderation (lib/questions/service
 * getThreadExtras), and which posts are comments on a page of a reviewed document.
 */
export type ThreadExtrasData = {
  threadId: number;
  isQuestion: boolean;
  acceptedAnswer: PostView | null;
  canAccept: boolean;
  canModerate: boolean;
  canReport: boolean;
  viewerId: string | null;
  /** The reader may write private messages ("Écrire à …" under others' posts). */
  canMessage?: boolean;
  /**
   * By post number: the marker of a page comment, linked from its post, and what the post's
   * label says in the reader's language ("Commentaire sur la page 2 (version 1)").
   */
  pageCommentLinks?: Record<number, { markerId: number; page: number; version: number; isArea: boolean }>;
};

type ThreadExtrasValue = ThreadExtrasData & { setAcceptedAnswer: (post: PostView | null) => void };

const ThreadExtrasContext = createContext<ThreadExtrasValue | null>(null);

/** Null outside a thread page (post cards elsewhere show no question or moderation tools). */
export function useThreadExtras(): ThreadExtrasValue | null {
  return useContext(ThreadExtrasContext);
}

export function ThreadExtrasProvider({ extras, children }: { extras: ThreadExtrasData; children: ReactNode }) {
  const [acceptedAnswer, setAcceptedAnswer] = useState(extras.acceptedAnswer);
  // Accepted or withdrawn by the asker elsewhere, or while this page was not connected (also the
  // moment between the server rendering it and its first join): this page follows, as for replies.
  const refresh = useCallback(() => {
    void fetch(`/api/v1/threads/${extras.threadId}/accepted-answer`, { cache: "no-store" })
      .then((response) => (response.ok ? (response.json() as Promise<{ post: PostView | null }>) : null))
      .then((body) => {
        if (body) setAcceptedAnswer(body.post);
      })
      .catch(() => undefined);
  }, [extras.threadId]);
  useRoom(extras.isQuestion ? `thread:${extras.threadId}` : null, { "answer:changed": refresh }, refresh);
  const value = useMemo(() => ({ ...extras, acceptedAnswer, setAcceptedAnswer }), [extras, acceptedAnswer]);
  return <ThreadExtrasContext.Provider value={value}>{children}</ThreadExtrasContext.Provider>;
}

/** The "Résolue" badge of the page's header, following the accepted answer live. */
export function SolvedBadgeSlot({ children }: { children: ReactNode }) {
  const extras = useThreadExtras();
  return extras?.isQuestion && extras.acceptedAnswer ? children : null;
}

/** Replies by verified pros stand out in questions. */
export function isProAnswer(extras: ThreadExtrasValue | null, post: PostView, isOpening?: boolean): boolean {
  return Boolean(extras?.isQuestion && !isOpening && post.author.role === "pro" && !post.isDeleted);
}
