"use client";

import { useRouter } from "next/navigation";
import { useRef } from "react";
import type { RoomName } from "@/lib/realtime/events";
import { useRoom } from "./use-room";

function ChannelRoom({ room, onActivity }: { room: RoomName; onActivity: (authorId: string) => void }) {
  useRoom(room, { "thread:activity": (event) => onActivity(event.authorId) });
  return null;
}

/**
 * Re-renders a server page (channel list, home unread counts) when something happens in the
 * given channels, at most once per second and never for the viewer's own activity.
 */
export function LiveRefresh({ channels, viewerId }: { channels: string[]; viewerId: string | null }) {
  const router = useRouter();
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const onActivity = (authorId: string) => {
    if (authorId === viewerId || timer.current) return;
    timer.current = setTimeout(() => {
      timer.current = null;
      router.refresh();
    }, 1_000);
  };
  return (
    <>
      {channels.map((slug) => (
        <ChannelRoom key={slug} room={`channel:${slug}`} onActivity={onActivity} />
      ))}
    </>
  );
}
