import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { paragraphDoc } from "./fixtures/forum";
import { createDatabase, startServer, stopServer, type AppServer } from "./fixtures/servers";
import { TEST_PASSWORD } from "./fixtures/users";

// Runs when a PostgreSQL server is available (TEST_DATABASE_URL): two instances, one database.
const adminUrl = process.env.TEST_DATABASE_URL!;
const adapters = [
  { name: "postgres", ports: [3231, 3232], env: {} as Record<string, string> },
  ...(process.env.TEST_REDIS_URL
    ? [{ name: "redis", ports: [3233, 3234], env: { REDIS_URL: process.env.TEST_REDIS_URL } }]
    : []),
];

test.describe.configure({ mode: "serial" });

for (const adapter of adapters) {
  test(`a reader on instance 1 sees a reply posted through instance 2 (${adapter.name} adapter)`, async ({
    browser,
  }) => {
    test.setTimeout(180_000);
    const database = await createDatabase(adminUrl);
    const env = { DATABASE_URL: database.url, AUTH_SECRET: randomUUID() + randomUUID(), ...adapter.env };
    const servers: AppServer[] = [];
    try {
      // Both start at once: migrations are serialised by an advisory lock.
      servers.push(...(await Promise.all(adapter.ports.map((port) => startServer(port, env)))));
      const [one, two] = servers as [AppServer, AppServer];
      expect(await (await fetch(`${one.url}/api/health`)).json()).toEqual({
        status: "ok",
        db: "postgres",
        live: { adapter: adapter.name, status: "ok" },
      });
      expect(one.output.join("")).toContain(`live events: ${adapter.name}`);

      const email = `multi-${randomUUID().slice(0, 8)}@e2e.test`;
      const created = await fetch(`${two.url}/api/test/users`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ name: "Inès Multi", email, password: TEST_PASSWORD }),
      });
      expect(created.status).toBe(200);

      // Sign in on instance 1; the same cookie is valid on instance 2 (shared AUTH_SECRET).
      const context = await browser.newContext({ baseURL: one.url });
      const { csrfToken } = await (await context.request.get("/api/auth/csrf")).json();
      await context.request.post("/api/auth/callback/credentials", {
        form: { csrfToken, email, password: TEST_PASSWORD, callbackUrl: "/" },
      });
      const thread = await (
        await context.request.post(`${two.url}/api/v1/channels/entraide/threads`, {
          data: { title: "Deux serveurs, un fil", body: paragraphDoc("Premier message"), idempotencyKey: randomUUID() },
        })
      ).json();

      const page = await context.newPage();
      await page.goto(thread.path);
      await expect(page.getByRole("heading", { name: "Deux serveurs, un fil" })).toBeVisible();
      await expect(page.getByText("Aucune réponse pour l'instant")).toBeVisible();
      // Give the page's socket time to join the thread room before posting elsewhere.
      await page.waitForTimeout(1_000);
      const reply = await context.request.post(`${two.url}/api/v1/threads/${thread.id}/posts`, {
        data: { body: paragraphDoc("Posté via l'instance 2"), idempotencyKey: randomUUID() },
      });
      expect(reply.status()).toBe(201);
      await expect(page.locator("#p2")).toContainText("Posté via l'instance 2");
      await context.close();

      // Graceful shutdown on SIGTERM.
      expect(await stopServer(two)).toBe(0);
    } finally {
      await Promise.all(servers.map(stopServer));
      await database.drop();
    }
  });
}
