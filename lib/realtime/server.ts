import type { Server as HttpServer } from "node:http";
import { getToken } from "next-auth/jwt";
import { Server } from "socket.io";
import { getDb } from "@/lib/db";
import { isDatabaseUnavailable, noteDatabaseError } from "@/lib/db-outage";
import { getChannelBySlug } from "@/db/queries/channels";
import { getThreadWithChannel } from "@/db/queries/threads";
import { resolveSession } from "@/lib/auth/sessions";
import type { Env } from "@/lib/env";
import { isAllowedOrigin } from "@/lib/origin";
import { canReadChannel, canReadReplies, canReadThread, canReply, type Actor } from "@/lib/permissions";
import type { RoomName, SocketUser } from "./events";
import { createLiveAdapter } from "./adapters";
import { setLiveChannelProbe } from "./channel-health";
import { createEventBudget, SOCKET_EVENT_BUDGET } from "./event-budget";
import { setIo, type RealtimeServer } from "./io";

const TYPING_THROTTLE_MS = 2_000;
const PRESENCE_THROTTLE_MS = 1_000;

/** Reads the Auth.js session cookie of the handshake; a bad or stale cookie means a visitor. */
async function authenticate(
  headers: Record<string, string | string[] | undefined>,
  env: Env,
): Promise<SocketUser | null> {
  try {
    const isSecure =
      (env.AUTH_URL ?? env.PUBLIC_URL ?? "").startsWith("https:") || headers["x-forwarded-proto"] === "https";
    const token = await getToken({
      req: { headers: headers as Record<string, string> },
      secret: env.AUTH_SECRET,
      secureCookie: isSecure,
    });
    if (!token?.sub) return null;
    // Same rule as getCurrentUser: a signed-out or expired session, a changed session version
    // or a suspension voids the cookie.
    const resolved = await resolveSession(getDb(), {
      userId: token.sub,
      sessionId: token.sid ?? null,
      sessionVersion: token.sv,
    });
    if (!resolved) return null;
    const { user } = resolved;
    return { id: user.id, name: user.name, role: user.role, status: user.status, sessionId: token.sid ?? null };
  } catch (error) {
    // The database away is no answer about the session: the caller asks again later.
    if (isDatabaseUnavailable(error)) throw error;
    return null;
  }
}

function asActor(user: SocketUser | null): Actor {
  return user
    ? {
        id: user.id,
        role: user.role as NonNullable<Actor>["role"],
        status: user.status as NonNullable<Actor>["status"],
      }
    : null;
}

/** Read access to a room, with the capability functions the pages use. */
async function canJoin(room: RoomName, user: SocketUser | null): Promise<boolean> {
  const actor = asActor(user);
  const [kind, key] = room.split(":");
  if (kind === "thread") {
    const threadId = Number(key);
    if (!Number.isSafeInteger(threadId) || threadId <= 0) return false;
    const found = await getThreadWithChannel(getDb(), { threadId });
    // A thread's room carries its replies: none for those who may not read them.
    return Boolean(found && canReadThread(actor, found.channel, found.thread) && canReadReplies(actor, found.channel));
  }
  if (kind === "channel" && key) {
    const channel = await getChannelBySlug(getDb(), { slug: key });
    return Boolean(channel && canReadChannel(actor, channel));
  }
  return false;
}

/**
 * Attaches Socket.io to the HTTP server: authenticated handshakes, permission-checked room
 * joins, typing and presence. Several instances share events through the PostgreSQL or
 * Redis adapter; the embedded mode runs one instance in memory.
 */
export async function attachRealtime(httpServer: HttpServer, env: Env & { REDIS_URL?: string }) {
  const io: RealtimeServer = new Server(httpServer, {
    destroyUpgrade: false,
    serveClient: false,
    pingInterval: 20_000,
    maxHttpBufferSize: 64 * 1024, // clients only send room names and thread ids (default 1 MB)
    // A page of another site must not open a live connection with a member's cookie.
    allowRequest: (request, callback) => callback(null, isAllowedOrigin(request.headers, env)),
  });
  const adapter = await createLiveAdapter(env);
  if (adapter.adapter) io.adapter(adapter.adapter);

  io.use(async (socket, next) => {
    // The database away (or its pool saturated) at the handshake: the socket connects as a
    // visitor for now and its session is checked again at its next join, rather than a member
    // being turned into a visitor for the socket's whole life (refused from members' rooms).
    socket.data.user = await authenticate(socket.request.headers, env).catch((error: unknown) => {
      noteDatabaseError(error);
      socket.data.isAuthPending = true;
      return null;
    });
    next();
  });

  const presenceTimers = new Map<string, ReturnType<typeof setTimeout>>();
  /** "3 personnes lisent ce fil": distinct readers across instances, at most once a second per room. */
  const schedulePresence = (room: string) => {
    if (presenceTimers.has(room)) return;
    presenceTimers.set(
      room,
      setTimeout(async () => {
        presenceTimers.delete(room);
        const sockets = await io
          .in(room)
          .fetchSockets()
          .catch(() => []);
        const readers = new Set(sockets.map((socket) => socket.data.user?.id ?? socket.id));
        io.to(room).emit("presence", { threadId: Number(room.split(":")[1]), count: readers.size });
      }, PRESENCE_THROTTLE_MS),
    );
  };

  io.on("connection", (socket) => {
    let user = socket.data.user;
    // The session room lets a sign-out on this device close exactly its sockets.
    const joinOwnRooms = (member: SocketUser | null) => {
      if (member)
        void socket.join(member.sessionId ? [`user:${member.id}`, `session:${member.sessionId}`] : `user:${member.id}`);
    };
    joinOwnRooms(user);
    const lastTyping = new Map<number, number>();
    // A flooding client is cut off before its events reach a handler (or the database).
    const budget = createEventBudget(SOCKET_EVENT_BUDGET);
    socket.use((_event, next) => {
      if (budget.take()) return next();
      if (socket.connected) {
        console.warn(`[realtime] socket ${socket.id} (${user?.id ?? "visitor"}) over its event budget: disconnected`);
        socket.disconnect(true);
      }
    });

    socket.on("join", async (room, ack) => {
      const respond = typeof ack === "function" ? ack : () => {};
      if (typeof room !== "string" || room.length > 80) return respond({ ok: false });
      // Already in it (checked when it joined): no second database lookup.
      if (socket.rooms.has(room)) return respond({ ok: true });
      if (socket.data.isAuthPending) {
        const checked = await authenticate(socket.request.headers, env).then(
          (found) => ({ found }),
          (error: unknown) => (noteDatabaseError(error), null),
        );
        if (!checked) return respond({ ok: false, retry: true });
        socket.data.isAuthPending = false;
        user = socket.data.user = checked.found;
        joinOwnRooms(user);
      }
      // A database that cannot answer now is not a refusal: the client asks again (use-room).
      const access = await canJoin(room, user).then(
        (isAllowed) => (isAllowed ? "allowed" : "refused"),
        (error: unknown) => (noteDatabaseError(error) ? "retry" : "refused"),
      );
      if (access !== "allowed") return respond(access === "retry" ? { ok: false, retry: true } : { ok: false });
      await socket.join(room);
      respond({ ok: true });
      if (room.startsWith("thread:")) schedulePresence(room);
    });

    socket.on("leave", async (room) => {
      if (typeof room !== "string" || !socket.rooms.has(room)) return;
      await socket.leave(room);
      if (room.startsWith("thread:")) schedulePresence(room);
    });

    socket.on("typing", async (threadId) => {
      const room = `thread:${threadId}`;
      if (!user || !socket.rooms.has(room)) return;
      const now = Date.now();
      if (now - (lastTyping.get(threadId) ?? 0) < TYPING_THROTTLE_MS) return;
      lastTyping.set(threadId, now);
      const found = await getThreadWithChannel(getDb(), { threadId }).catch(() => null);
      if (!found || !canReply(asActor(user), found.channel, found.thread)) return;
      socket.to(room).emit("typing", { threadId, user: { id: user.id, name: user.name } });
    });

    socket.on("disconnecting", () => {
      for (const room of socket.rooms) if (room.startsWith("thread:")) setTimeout(() => schedulePresence(room), 0);
    });
  });

  setIo(io);
  setLiveChannelProbe(() => ({ adapter: adapter.name, isUp: adapter.isUp() }));
  return {
    io,
    adapterName: adapter.name,
    close: async () => {
      for (const timer of presenceTimers.values()) clearTimeout(timer);
      // Not io.close(): it would also close the HTTP server, which server.ts drains itself.
      io.disconnectSockets(true);
      io.engine.close();
      setIo(undefined);
      setLiveChannelProbe(undefined);
      await adapter.close();
    },
  };
}
