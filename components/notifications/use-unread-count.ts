"use client";

import { useCallback, useEffect, useState } from "react";
import { useRealtime } from "@/components/realtime/realtime-provider";

const TITLE_PREFIX = /^\(\d+\+?\) /;

/** "(3) Pro'pulse": the tab shows the unread count, whatever title the page sets afterwards. */
function useTitleCount(label: string | null) {
  useEffect(() => {
    const apply = () => {
      const base = document.title.replace(TITLE_PREFIX, "");
      const next = label ? `(${label}) ${base}` : base;
      if (document.title !== next) document.title = next;
    };
    apply();
    // Client navigations replace <title>: put the count back each time.
    const observer = new MutationObserver(apply);
    observer.observe(document.head, { subtree: true, childList: true, characterData: true });
    return () => {
      observer.disconnect();
      document.title = document.title.replace(TITLE_PREFIX, "");
    };
  }, [label]);
}

type CountEvent = "notifications:changed" | "messages:changed" | "message:created";

/**
 * A count fetched from `url` (`{ unread }`) and kept in step across tabs and devices: the server
 * tells each of the member's sockets when it changes (`events`), and the tab refetches when its
 * socket connects and when it becomes visible again (events missed while not connected).
 */
export function useLiveCount(url: string, events: readonly CountEvent[]) {
  const { socket } = useRealtime();
  const [unread, setUnread] = useState(0);
  const [version, setVersion] = useState(0);

  const refresh = useCallback(async () => {
    const response = await fetch(url, { cache: "no-store" }).catch(() => null);
    if (!response?.ok) return;
    const body = (await response.json()) as { unread: number };
    setUnread(body.unread);
    setVersion((value) => value + 1);
  }, [url]);

  const eventKey = events.join(",");
  useEffect(() => {
    if (!socket) return;
    const onChanged = () => void refresh();
    const names = eventKey.split(",") as CountEvent[];
    for (const name of names) socket.on(name, onChanged);
    // On every (re)connection, the first one included: what changed between the page's render
    // and the socket joining its room would otherwise be missed.
    socket.on("connect", onChanged);
    if (socket.connected) onChanged();
    return () => {
      for (const name of names) socket.off(name, onChanged);
      socket.off("connect", onChanged);
    };
  }, [socket, refresh, eventKey]);

  useEffect(() => {
    const onVisible = () => {
      if (document.visibilityState === "visible") void refresh();
    };
    document.addEventListener("visibilitychange", onVisible);
    return () => document.removeEventListener("visibilitychange", onVisible);
  }, [refresh]);

  return { unread, version, setUnread };
}

const NOTIFICATION_EVENTS = ["notifications:changed"] as const;

/** The bell's unread count, also shown in the tab's title. */
export function useUnreadCount(cap: number) {
  const { unread, version, setUnread } = useLiveCount("/api/notifications/unread", NOTIFICATION_EVENTS);
  const label = unread === 0 ? null : unread >= cap ? `${cap - 1}+` : String(unread);
  useTitleCount(label);
  /** `version` changes with every refetch: an open panel reloads its list with it. */
  return { unread, label, version, setUnread };
}
