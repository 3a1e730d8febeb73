import { createECDH, randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { CDPSession, Page } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "./fixtures/axe";
import { expect, test } from "./fixtures/test";

/** A subscription as a browser sends it: a real P-256 public key and 16 random bytes. */
function browserSubscription(endpoint: string) {
  const ecdh = createECDH("prime256v1");
  ecdh.generateKeys();
  return { endpoint, keys: { p256dh: ecdh.getPublicKey("base64url"), auth: randomBytes(16).toString("base64url") } };
}

/** Opens the home page and waits until the service worker is active and controls it. */
async function openControlledPage(page: Page) {
  await page.goto("/");
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}

/** The id DevTools gives the site's service worker registration (needed to deliver a push message). */
async function registrationIdOf(session: CDPSession, scopeURL: string): Promise<string> {
  const found = new Promise<string>((resolve) => {
    session.on("ServiceWorker.workerRegistrationUpdated", ({ registrations }) => {
      const registration = registrations.find((entry) => entry.scopeURL === scopeURL && !entry.isDeleted);
      if (registration) resolve(registration.registrationId);
    });
  });
  await session.send("ServiceWorker.enable");
  return found;
}

/** Reads the PNG header: signature, then width and height in the IHDR chunk. */
function pngSize(bytes: Buffer): { width: number; height: number } | null {
  if (!bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return null;
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

test("the manifest and its icons make the site installable", async ({
  request,
  playwright,
  launchOptions,
  baseURL,
}) => {
  const response = await request.get("/manifest.webmanifest");
  expect(response.ok()).toBe(true);
  const manifest = await response.json();
  expect(manifest).toMatchObject({
    name: "Pro'pulse — Communauté",
    short_name: "Pro'pulse",
    start_url: "/",
    display: "standalone",
    theme_color: "#a8401a",
    background_color: "#fbf7f2",
  });
  const icons = manifest.icons as { src: string; sizes: string; type: string; purpose?: string }[];
  expect(icons.map((icon) => `${icon.sizes} ${icon.purpose}`).sort()).toEqual([
    "192x192 any",
    "512x512 any",
    "512x512 maskable",
  ]);
  for (const icon of icons) {
    const file = await request.get(icon.src);
    expect(file.headers()["content-type"], icon.src).toBe("image/png");
    const [width, height] = icon.sizes.split("x").map(Number);
    expect(pngSize(await file.body()), icon.src).toEqual({ width, height });
  }

  // Chromium's own verdict, once the service worker controls the page. Test contexts are
  // incognito, where nothing installs: this one gets a browser profile of its own.
  const profile = mkdtempSync(path.join(tmpdir(), "propulse-install-"));
  const context = await playwright.chromium.launchPersistentContext(profile, { ...launchOptions, baseURL });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await openControlledPage(page);
    await expect(page.locator('link[rel="manifest"]')).toHaveAttribute("href", "/manifest.webmanifest");
    const session = await context.newCDPSession(page);
    const { errors } = await session.send("Page.getAppManifest");
    expect(errors).toEqual([]);
    const { installabilityErrors } = await session.send("Page.getInstallabilityErrors");
    expect(installabilityErrors).toEqual([]);
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
});

test("the service worker is served fresh and shows a pushed notification", async ({ page, context, baseURL }) => {
  const sw = await page.request.get("/sw.js");
  expect(sw.headers()["content-type"]).toContain("javascript");
  expect(sw.headers()["cache-control"]).toContain("no-cache");

  await context.grantPermissions(["notifications"], { origin: baseURL });
  await openControlledPage(page);
  const session = await context.newCDPSession(page);
  const registrationId = await registrationIdOf(session, `${baseURL}/`);
  const message = {
    title: "Nouvelle réponse à votre CV",
    body: "Julien a laissé un avis sur « CV chargée de mission »",
    url: "/c/cv",
    tag: "thread-42",
  };
  // Delivered again on each poll until it shows: a message reaching a worker that is still
  // starting can be dropped by the DevTools protocol (seen once in CI). The same tag replaces,
  // so repeats never add notifications.
  const deliverAndList = async () => {
    await session.send("ServiceWorker.deliverPushMessage", {
      origin: baseURL!,
      registrationId,
      data: JSON.stringify(message),
    });
    return page.evaluate(async () => {
      const registration = await navigator.serviceWorker.ready;
      const notifications = await registration.getNotifications();
      return notifications.map(({ title, body, tag, data, icon }) => ({ title, body, tag, data, icon }));
    });
  };
  await expect.poll(deliverAndList, { intervals: [250, 500, 1_000] }).toContainEqual({
    title: message.title,
    body: message.body,
    tag: message.tag,
    // Opened on click: an address of this site only.
    data: { url: `${baseURL}/c/cv` },
    icon: `${baseURL}/icons/icon-192.png`,
  });
});

test("offline, a navigation shows the offline page, never a member's page", async ({
  memberPage: page,
  memberContext: context,
  member,
}) => {
  await openControlledPage(page);
  await page.goto("/c/entraide");
  await expect(page.getByText("Menu du compte")).toBeAttached();

  // Empty the HTTP cache: the stylesheet can then only come from the service worker's cache.
  await (await context.newCDPSession(page)).send("Network.clearBrowserCache");
  await context.setOffline(true);
  await page.goto("/c/entraide");
  await expect(page.getByRole("heading", { level: 1, name: "Vous êtes hors ligne" })).toBeVisible();
  // Cached without cookies: it shows nobody's account; and with its stylesheet.
  await expect(page.getByText(member.name)).toHaveCount(0);
  await expect(page.locator("html")).toHaveCSS("background-color", "rgb(251, 247, 242)");
  await expectNoSeriousA11yViolations(page);

  await context.setOffline(false);
  await page.getByRole("link", { name: "Réessayer" }).click();
  await expect(page.getByText("Menu du compte")).toBeAttached();
});

test.describe("subscriptions API", () => {
  const endpoint = () => `https://updates.push.services.mozilla.com/wpush/v2/e2e-${randomBytes(8).toString("hex")}`;

  test("visitors are refused, forged endpoints too", async ({ request, memberContext }) => {
    const visitor = await request.post("/api/push/subscriptions", { data: browserSubscription(endpoint()) });
    expect(visitor.status()).toBe(401);

    for (const forged of ["http://push.example.org/x", "https://127.0.0.1/x", "https://169.254.169.254/latest"]) {
      const response = await memberContext.request.post("/api/push/subscriptions", {
        data: browserSubscription(forged),
      });
      expect(response.status(), forged).toBe(400);
      expect((await response.json()).fields.endpoint, forged).toEqual([
        "Cette adresse d'abonnement n'est pas acceptée : seuls les services de notification publics, en https, le sont.",
      ]);
    }
    const badKeys = await memberContext.request.post("/api/push/subscriptions", {
      data: { endpoint: endpoint(), keys: { p256dh: "abc", auth: "abc" } },
    });
    expect(Object.keys((await badKeys.json()).fields).sort()).toEqual(["keys.auth", "keys.p256dh"]);
  });

  test("a member subscribes a device and removes it; another member cannot", async ({ memberContext, newSession }) => {
    const subscription = browserSubscription(endpoint());
    const created = await memberContext.request.post("/api/push/subscriptions", { data: subscription });
    expect(created.status()).toBe(201);
    const listed = await (await memberContext.request.get("/api/push/subscriptions")).json();
    expect(listed.endpoints).toEqual([subscription.endpoint]);
    expect(listed.publicKey).toMatch(/^[A-Za-z0-9_-]{87}$/);

    const other = await newSession();
    const url = `/api/push/subscriptions?endpoint=${encodeURIComponent(subscription.endpoint)}`;
    expect((await other.context.request.delete(url)).status()).toBe(404);
    expect((await (await memberContext.request.get("/api/push/subscriptions")).json()).endpoints).toEqual([
      subscription.endpoint,
    ]);

    expect((await memberContext.request.delete(url)).status()).toBe(200);
    expect((await (await memberContext.request.get("/api/push/subscriptions")).json()).endpoints).toEqual([]);
  });
});
