import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { io as connect, type Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestDb, type TestDb } from "@/db/testing";
import { setDbHandle } from "@/lib/db";
import { clearDatabaseOutage } from "@/lib/db-outage";
import type { Env } from "@/lib/env";
import { attachRealtime } from "./server";

// The socket server against a real database: room checks, and what a flooding client costs.
let testDb: TestDb;
let queries = 0;
let httpServer: Server;
let realtime: Awaited<ReturnType<typeof attachRealtime>>;
let url: string;

beforeAll(async () => {
  testDb = await createTestDb({ onQuery: () => void queries++ });
  setDbHandle({ db: testDb.db, driver: testDb.driver, close: testDb.close, ping: async () => {} });
  httpServer = createServer();
  realtime = await attachRealtime(httpServer, { AUTH_SECRET: "a".repeat(40), isEmbedded: true } as Env);
  await new Promise<void>((resolve) => httpServer.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await realtime.close();
  httpServer.close();
  await testDb.close();
});

async function visitorSocket(): Promise<Socket> {
  const socket = connect(url, { transports: ["websocket"], reconnection: false });
  await new Promise<void>((resolve, reject) => {
    socket.once("connect", resolve);
    socket.once("connect_error", reject);
  });
  return socket;
}

const join = (socket: Socket, room: string) =>
  new Promise<boolean>((resolve) => socket.emit("join", room, (result: { ok: boolean }) => resolve(result.ok)));

describe("socket rooms", () => {
  it("checks a room once: joining it again asks the database nothing", async () => {
    const socket = await visitorSocket();
    queries = 0;
    expect(await join(socket, "channel:offres")).toBe(true);
    const afterFirst = queries;
    expect(afterFirst).toBeGreaterThan(0);
    for (let index = 0; index < 20; index++) expect(await join(socket, "channel:offres")).toBe(true);
    expect(queries).toBe(afterFirst);
    socket.close();
  });

  it("a room the database cannot check just now is refused with `retry`, and joined once it answers", async () => {
    const socket = await visitorSocket();
    const refused = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), {
      code: "ECONNREFUSED",
      syscall: "connect",
    });
    const unreachable = new Proxy(
      {},
      {
        get: () => {
          throw refused;
        },
      },
    );
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    setDbHandle({ db: unreachable as never, driver: "postgres", close: async () => {}, ping: async () => {} });
    const answer = await new Promise((resolve) => socket.emit("join", "channel:offres", resolve));
    expect(answer).toEqual({ ok: false, retry: true });
    setDbHandle({ db: testDb.db, driver: testDb.driver, close: testDb.close, ping: async () => {} });
    clearDatabaseOutage();
    warn.mockRestore();
    expect(await join(socket, "channel:offres")).toBe(true);
    socket.close();
  });

  it("never lets a socket into a conversation's or another member's room (guessed names)", async () => {
    const socket = await visitorSocket();
    // Private messages travel only through each participant's own `user:<id>` room, joined
    // by the server from the session: no room a client may ask for carries them.
    for (const room of ["conversation:1", "user:00000000-0000-4000-8000-000000000001", "user:*", "messages:1"]) {
      expect(await join(socket, room)).toBe(false);
    }
    socket.close();
  });

  it("disconnects a socket that floods events, and keeps serving the others", async () => {
    const flooder = await visitorSocket();
    const bystander = await visitorSocket();
    const disconnected = new Promise<string>((resolve) => flooder.once("disconnect", resolve));
    let answered = 0;
    queries = 0;
    // 1,000 joins at once, for rooms the socket is not in (each would be a database lookup).
    for (let index = 0; index < 1000; index++) flooder.emit("join", `thread:${index + 1}`, () => void answered++);
    expect(await disconnected).toBe("io server disconnect");
    expect(answered).toBeLessThan(100);
    expect(queries).toBeLessThan(100);
    expect(await join(bystander, "channel:offres")).toBe(true);
    bystander.close();
  });
});
