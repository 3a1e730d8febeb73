"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef } from "react";
import { useRoom } from "@/components/realtime/use-room";

/**
 * Re-renders the review part of a thread (rubric summary, versions, page markers) when someone
 * else changes it, at most twice a second. The discussion itself is live through ThreadView.
 */
export function ReviewLiveRefresh({ threadId, viewerId }: { threadId: number; viewerId: string | null }) {
  const router = useRouter();
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => () => clearTimeout(timer.current ?? undefined), []);
  useRoom(`thread:${threadId}`, {
    "review:updated": (event) => {
      if (event.actorId === viewerId || timer.current) return;
      timer.current = setTimeout(() => {
        timer.current = null;
        router.refresh();
      }, 500);
    },
  });
  return null;
}
