"use client";

import { createContext, useContext, useMemo, useState, type ReactNode } from "react";
import type { PostView } from "@/lib/forum/views";

/** What a thread page knows about questions and moderation (from lib/questions/service getThreadExtras). */
export type ThreadExtrasData = {
  threadId: number;
  isQuestion: boolean;
  acceptedAnswer: PostView | null;
  canAccept: boolean;
  canModerate: boolean;
  canReport: boolean;
  viewerId: string | null;
};

type ThreadExtrasValue = ThreadExtrasData & { setAcceptedAnswer: (post: PostView | null) => void };

const ThreadExtrasContext = createContext<ThreadExtrasValue | null>(null);

/** Null outside a thread page (post cards elsewhere show no question or moderation tools). */
export function useThreadExtras(): ThreadExtrasValue | null {
  return useContext(ThreadExtrasContext);
}

export function ThreadExtrasProvider({ extras, children }: { extras: ThreadExtrasData; children: ReactNode }) {
  const [acceptedAnswer, setAcceptedAnswer] = useState(extras.acceptedAnswer);
  const value = useMemo(() => ({ ...extras, acceptedAnswer, setAcceptedAnswer }), [extras, acceptedAnswer]);
  return <ThreadExtrasContext.Provider value={value}>{children}</ThreadExtrasContext.Provider>;
}

/** Replies by verified pros stand out in questions. */
export function isProAnswer(extras: ThreadExtrasValue | null, post: PostView, isOpening?: boolean): boolean {
  return Boolean(extras?.isQuestion && !isOpening && post.author.role === "pro" && !post.isDeleted);
}
