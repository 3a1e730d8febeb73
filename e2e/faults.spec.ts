import { randomUUID } from "node:crypto";
import { expect, test, type Browser } from "@playwright/test";
import { createReply, createThread, paragraphDoc } from "./fixtures/forum";
import { createPrivatePostgres, createPrivateRedis, requirePrivateServices } from "./fixtures/private-services";
import { startServer, stopServer, type AppServer } from "./fixtures/servers";
import { connectSocket, joinRoom } from "./fixtures/sockets";
import { createUser, signInOverHttp } from "./fixtures/users";

// Database and Redis outages against servers the tests own and stop: a private PostgreSQL cluster
// (pg_createcluster) and a private redis-server, never the shared ones.
const PORT = Number(process.env.E2E_PORT ?? 3210);
const PG_PORT = Number(process.env.FAULTS_PG_PORT ?? 5440);
const REDIS_PORT = Number(process.env.FAULTS_REDIS_PORT ?? 6390);
const ports = { outage: PORT + 7, first: PORT + 8, second: PORT + 9 };

test.describe.configure({ mode: "serial" });
test.beforeAll(requirePrivateServices);

const health = async (server: AppServer) => {
  const response = await fetch(`${server.url}/api/health`);
  return { code: response.status, ...(await response.json()) };
};

/** Signs a new member in on `server` and opens a thread there. */
async function memberWithThread(browser: Browser, server: AppServer) {
  const context = await browser.newContext({ baseURL: server.url });
  const user = await createUser(context.request);
  await signInOverHttp(context, user);
  const thread = await createThread(context.request);
  return { context, thread };
}

test("a database outage answers 503 with Retry-After and a calm page, then heals by itself", async ({ browser }) => {
  test.setTimeout(120_000);
  const database = await createPrivatePostgres(PG_PORT);
  let server: AppServer | null = null;
  try {
    server = await startServer(ports.outage, { DATABASE_URL: database.url, AUTH_SECRET: randomUUID() + randomUUID() });
    const { context, thread } = await memberWithThread(browser, server);
    expect((await context.request.get(thread.path)).status()).toBe(200);

    await database.stop();
    await expect.poll(async () => (await context.request.get(thread.path)).status()).toBe(503);
    const page = await context.request.get(thread.path);
    expect(page.headers()["retry-after"]).toBe("5");
    expect(await page.text()).toContain("Service momentanément indisponible");
    const write = await createReply(context.request, thread.id, { text: "Pendant la panne" });
    expect(write.status()).toBe(503);
    expect(write.headers()["retry-after"]).toBe("5");
    expect((await write.json()).error).toBe("unavailable");
    expect((await health(server)).code).toBe(503);
    const tab = await context.newPage();
    await tab.goto(thread.path);
    await expect(tab.getByRole("heading", { name: "Service momentanément indisponible" })).toBeVisible();

    await database.start();
    await expect
      .poll(async () => (await createReply(context.request, thread.id, { text: "Après la panne" })).status(), {
        timeout: 30_000,
      })
      .toBe(201);
    await tab.reload();
    await expect(tab.getByText("Après la panne")).toBeVisible();
    expect(await health(server)).toMatchObject({ code: 200, status: "ok" });
    const log = server.output.join("");
    expect(log).toContain("[db] database unreachable");
    expect(log).toContain("[db] database reachable again");
    // An outage, not a crash: no unexpected-error report, no uncaught exception, no 500.
    expect(log).not.toMatch(/unexpected error|uncaught|⨯/i);
    await context.close();
  } finally {
    if (server) await stopServer(server);
    database.drop();
  }
});

for (const adapter of ["postgres", "redis"] as const) {
  test(`live events cross instances again after a ${adapter} restart, and health shows the outage`, async ({
    browser,
  }) => {
    test.setTimeout(150_000);
    const database = await createPrivatePostgres(PG_PORT);
    const redis = adapter === "redis" ? await createPrivateRedis(REDIS_PORT) : null;
    // What the test bounces: the database itself, or Redis.
    const bounced = redis ?? database;
    const env = {
      DATABASE_URL: database.url,
      AUTH_SECRET: randomUUID() + randomUUID(),
      ...(redis ? { REDIS_URL: redis.url } : {}),
    };
    const servers: AppServer[] = [];
    try {
      servers.push(...(await Promise.all([startServer(ports.first, env), startServer(ports.second, env)])));
      const [one, two] = servers as [AppServer, AppServer];
      expect(await health(one)).toEqual({ code: 200, status: "ok", db: "postgres", live: { adapter, status: "ok" } });
      const { context, thread } = await memberWithThread(browser, one);
      const socket = await connectSocket(one.url, context);
      expect(await joinRoom(socket, `thread:${thread.id}`)).toBe(true);
      const received: number[] = [];
      socket.on("post:created", (event: { number: number }) => received.push(event.number));
      // Through instance 2, to a reader on instance 1.
      const post = (text: string) =>
        context.request.post(`${two.url}/api/v1/threads/${thread.id}/posts`, {
          data: { body: paragraphDoc(text), idempotencyKey: randomUUID() },
        });
      expect((await post("Avant la coupure")).status()).toBe(201);
      await expect.poll(() => received.length).toBe(1);

      await bounced.stop();
      await expect.poll(async () => (await health(one)).live?.status, { timeout: 20_000 }).toBe("down");
      // The database up but the channel down: degraded, still serving (200).
      if (redis) expect(await health(one)).toMatchObject({ code: 200, status: "degraded" });
      await new Promise((resolve) => setTimeout(resolve, 3_000));
      await bounced.start();
      for (const server of servers) {
        await expect
          .poll(async () => (await health(server)).live?.status, { timeout: 30_000, intervals: [500] })
          .toBe("ok");
      }
      await expect.poll(async () => (await post("Après la coupure")).status(), { timeout: 30_000 }).toBe(201);
      // Delivered again across instances, without restarting anything.
      await expect.poll(() => received.length, { timeout: 10_000 }).toBeGreaterThanOrEqual(2);
      const log = servers.map((server) => server.output.join("")).join("");
      expect(log).not.toMatch(/uncaught/i);
      socket.close();
      await context.close();
    } finally {
      await Promise.all(servers.map(stopServer));
      await redis?.stop();
      database.drop();
    }
  });
}
