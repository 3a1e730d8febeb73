"use client";

import { createContext, useContext, useEffect, useState, type ReactNode } from "react";
import type { Socket } from "socket.io-client";
import type { ClientToServerEvents, ServerToClientEvents } from "@/lib/realtime/events";

export type LiveSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
export type LiveStatus = "connecting" | "online" | "offline";

const RealtimeContext = createContext<{ socket: LiveSocket | null; status: LiveStatus }>({
  socket: null,
  status: "connecting",
});

export function useRealtime() {
  return useContext(RealtimeContext);
}

/** Tracks a connection's status; returns what undoes it. */
function followConnection(connection: LiveSocket, setStatus: (status: LiveStatus) => void) {
  const onConnect = () => setStatus("online");
  const onDisconnect = () => setStatus("offline");
  connection.on("connect", onConnect);
  connection.on("disconnect", onDisconnect);
  connection.on("connect_error", onDisconnect);
  // The browser knows about a lost network long before a heartbeat times out (phones, Wi-Fi):
  // say so at once, and reconnect as soon as it is back.
  const onOffline = () => {
    connection.disconnect();
    setStatus("offline");
  };
  const onOnline = () => {
    if (!connection.connected) connection.connect();
  };
  window.addEventListener("offline", onOffline);
  window.addEventListener("online", onOnline);
  return () => {
    window.removeEventListener("offline", onOffline);
    window.removeEventListener("online", onOnline);
    connection.removeAllListeners();
    connection.close();
  };
}

/**
 * One Socket.io connection per tab, authenticated by the session cookie it sends with the
 * handshake (no token in the URL). It reconnects by itself; pages catch up on each connect.
 */
export function RealtimeProvider({ children }: { children: ReactNode }) {
  const [socket, setSocket] = useState<LiveSocket | null>(null);
  const [status, setStatus] = useState<LiveStatus>("connecting");
  useEffect(() => {
    let cleanup = () => {};
    let isCancelled = false;
    // Loaded after the page is interactive: live updates are not part of the first load.
    void import("socket.io-client").then(({ io }) => {
      if (isCancelled) return;
      const connection: LiveSocket = io({ withCredentials: true, reconnectionDelayMax: 5_000 });
      cleanup = followConnection(connection, setStatus);
      setSocket(connection);
    });
    return () => {
      isCancelled = true;
      cleanup();
    };
  }, []);

  return <RealtimeContext.Provider value={{ socket, status }}>{children}</RealtimeContext.Provider>;
}
