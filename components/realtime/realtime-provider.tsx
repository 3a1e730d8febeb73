"use client";

import { createContext, useContext, useEffect, useState, type ReactNode } from "react";
import { io, type Socket } from "socket.io-client";
import type { ClientToServerEvents, ServerToClientEvents } from "@/lib/realtime/events";

export type LiveSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
export type LiveStatus = "connecting" | "online" | "offline";

const RealtimeContext = createContext<{ socket: LiveSocket | null; status: LiveStatus }>({ socket: null, status: "connecting" });

export function useRealtime() {
  return useContext(RealtimeContext);
}

/**
 * One Socket.io connection per tab, authenticated by the session cookie it sends with the
 * handshake (no token in the URL). It reconnects by itself; pages catch up on each connect.
 */
export function RealtimeProvider({ children }: { children: ReactNode }) {
  const [socket, setSocket] = useState<LiveSocket | null>(null);
  const [status, setStatus] = useState<LiveStatus>("connecting");
  useEffect(() => {
    const connection: LiveSocket = io({ withCredentials: true, reconnectionDelayMax: 5_000 });
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
    setSocket(connection);
    return () => {
      window.removeEventListener("offline", onOffline);
      window.removeEventListener("online", onOnline);
      connection.removeAllListeners();
      connection.close();
    };
  }, []);
  return <RealtimeContext.Provider value={{ socket, status }}>{children}</RealtimeContext.Provider>;
}
