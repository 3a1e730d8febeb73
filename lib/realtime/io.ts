import type { Server } from "socket.io";
import type { ClientToServerEvents, ServerToClientEvents, SocketData } from "./events";

export type RealtimeServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

// server.ts creates the Socket.io server; Next's routes and actions (another module graph in
// the same process) reach it through globalThis.
const globalForIo = globalThis as unknown as { propulseIo?: RealtimeServer };

export function setIo(io: RealtimeServer | undefined): void {
  globalForIo.propulseIo = io;
}

/** The Socket.io server, or undefined (tests, scripts, `next build`): emitting is then a no-op. */
export function getIo(): RealtimeServer | undefined {
  return globalForIo.propulseIo;
}
