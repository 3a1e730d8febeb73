import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, request as playwrightRequest, test } from "@playwright/test";
import { startNginx, startUnitInstance } from "./fixtures/deploy";
import { paragraphDoc } from "./fixtures/forum";
import { createDatabase } from "./fixtures/servers";
import { TEST_PASSWORD } from "./fixtures/users";

// The production recipe of deploy/ (README, "Installer sa communauté"): two instances started as
// the systemd unit starts them, on PostgreSQL, behind the shipped nginx site over HTTPS.
// Runs when a PostgreSQL server is available (TEST_DATABASE_URL), like the several-instance tests.
const adminUrl = process.env.TEST_DATABASE_URL!;
const PORT = Number(process.env.E2E_PORT ?? 3210);
const ports = { upstreams: [PORT + 41, PORT + 42] as [number, number], http: PORT + 43, https: PORT + 44 };
const publicUrl = `https://localhost:${ports.https}`;

test("behind nginx: HTTPS, sign-in, a post, a live reply from the other instance, the client's address", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const dir = mkdtempSync(join(tmpdir(), "propulse-proxy-"));
  const database = await createDatabase(adminUrl);
  const env = {
    DATABASE_URL: database.url,
    AUTH_SECRET: randomUUID() + randomUUID(),
    AUTH_URL: publicUrl,
    TRUST_PROXY: "1",
    DATA_DIR: join(dir, "data"),
    SEED_ON_EMPTY: "false",
  };
  const instances: Awaited<ReturnType<typeof startUnitInstance>>[] = [];
  let nginx: ReturnType<typeof startNginx> | undefined;
  try {
    instances.push(...(await Promise.all(ports.upstreams.map((port) => startUnitInstance(port, env)))));
    nginx = startNginx(dir, ports);
    const api = await playwrightRequest.newContext({ baseURL: publicUrl, ignoreHTTPSErrors: true });
    await expect
      .poll(() =>
        api.get("/api/health").then(
          (response) => response.status(),
          () => 0,
        ),
      )
      .toBe(200);

    // Plain HTTP is sent to HTTPS.
    const plain = await fetch(`http://localhost:${ports.http}/salons`, { redirect: "manual" });
    expect(plain.status).toBe(301);
    expect(plain.headers.get("location")).toMatch(/^https:\/\/localhost(:\d+)?\/salons$/);

    // TRUST_PROXY=1: the address nginx saw (127.0.0.1), not the proxy's own (127.0.0.2), and not
    // what a client wrote in X-Forwarded-For.
    const seen = await api.get("/api/test/client-address", { headers: { "x-forwarded-for": "203.0.113.7" } });
    expect(await seen.json()).toEqual({ address: "127.0.0.1" });

    const [one, two] = instances as [(typeof instances)[number], (typeof instances)[number]];
    // An instance without an admin opens the setup wizard instead of the sign-in page.
    const admin = await fetch(`${one.url}/api/test/users`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        name: "Admin Proxy",
        email: `proxy-admin-${randomUUID().slice(0, 8)}@e2e.test`,
        password: TEST_PASSWORD,
        role: "admin",
      }),
    });
    expect(admin.status).toBe(200);
    const email = `proxy-${randomUUID().slice(0, 8)}@e2e.test`;
    const created = await fetch(`${one.url}/api/test/users`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ name: "Nora Proxy", email, password: TEST_PASSWORD }),
    });
    expect(created.status).toBe(200);

    const context = await browser.newContext({ baseURL: publicUrl, ignoreHTTPSErrors: true });
    const page = await context.newPage();
    await page.goto("/sign-in");
    await page.getByLabel("Adresse e-mail").fill(email);
    await page.getByLabel("Mot de passe").fill(TEST_PASSWORD);
    await page.getByRole("button", { name: "Se connecter" }).click();
    await expect(page.getByRole("heading", { name: "Bonjour Nora Proxy !" })).toBeVisible();
    const cookies = await context.cookies();
    expect(cookies.find((cookie) => cookie.name.includes("session-token"))?.secure).toBe(true);

    const response = await context.request.post("/api/v1/channels/entraide/threads", {
      data: { title: "Derrière le proxy", body: paragraphDoc("Premier message"), idempotencyKey: randomUUID() },
    });
    expect(response.status()).toBe(201);
    const thread = (await response.json()) as { id: number; path: string };
    const socketOpened = page.waitForEvent("websocket", (socket) => socket.url().startsWith("wss://"));
    await page.goto(thread.path);
    await socketOpened;
    await page.getByRole("textbox", { name: "Écrire une réponse…" }).click();
    await page.getByRole("textbox", { name: "Votre réponse" }).pressSequentially("Réponse à travers nginx");
    await page.getByRole("button", { name: "Répondre", exact: true }).last().click();
    await expect(page.locator("#p2")).toContainText("Réponse à travers nginx");

    // Replies written straight to each instance: whichever one holds this page's socket, the
    // other's reply crosses through the live-events adapter and the proxy's WebSocket.
    const cookie = (await context.cookies()).map(({ name, value }) => `${name}=${value}`).join("; ");
    for (const [instance, text] of [
      [one, "Par l'instance 1"],
      [two, "Par l'instance 2"],
    ] as const) {
      const reply = await fetch(`${instance.url}/api/v1/threads/${thread.id}/posts`, {
        method: "POST",
        headers: { "content-type": "application/json", cookie },
        body: JSON.stringify({ body: paragraphDoc(text), idempotencyKey: randomUUID() }),
      });
      expect(reply.status).toBe(201);
    }
    await expect(page.locator("#p3")).toContainText("Par l'instance 1");
    await expect(page.locator("#p4")).toContainText("Par l'instance 2");
    await Promise.all([api.dispose(), context.close()]);
  } finally {
    nginx?.kill("SIGQUIT");
    await Promise.all(
      instances.map(
        (instance) =>
          new Promise<void>((resolve) => {
            if (instance.child.exitCode !== null) return resolve();
            instance.child.once("exit", () => resolve());
            instance.child.kill("SIGTERM");
          }),
      ),
    );
    await database.drop();
    rmSync(dir, { recursive: true, force: true });
  }
});
