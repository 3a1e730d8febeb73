"use client";

import { useEffect, useRef } from "react";
import { markThreadReadAction } from "@/lib/actions/forum";

/** Delay before recording posts that arrived live: a lively thread sends one write, not one per post. */
const LIVE_BATCH_MS = 2_000;

/**
 * Remembers how far a member has read (the unread counts of the home page). Reading is
 * recorded by this explicit action once the page is shown, never while the server renders a
 * GET (prefetches and crawlers would mark threads read). Later numbers, arrived live, follow.
 */
export function MarkThreadRead({ threadId, number }: { threadId: number; number: number }) {
  const sentNumber = useRef(0);
  useEffect(() => {
    if (number <= sentNumber.current) return;
    const delay = sentNumber.current === 0 ? 0 : LIVE_BATCH_MS;
    const timer = setTimeout(() => {
      sentNumber.current = number;
      void markThreadReadAction({ threadId, number }).catch(() => null);
    }, delay);
    return () => clearTimeout(timer);
  }, [threadId, number]);
  return null;
}
