import type { Browser, BrowserContext } from "@playwright/test";
import type { Socket } from "socket.io-client";
import { expect, test } from "./fixtures/test";
import { connectSocket, joinRoom } from "./fixtures/sockets";
import { createUser, TEST_PASSWORD } from "./fixtures/users";

/** A second browser holding a copy of `context`'s cookies, as a thief of the cookie would. */
async function copyOf(browser: Browser, context: BrowserContext, baseURL: string): Promise<BrowserContext> {
  const copy = await browser.newContext();
  await copy.addCookies(await context.cookies(baseURL));
  return copy;
}

function disconnection(socket: Socket): Promise<string> {
  return new Promise((resolve) => socket.once("disconnect", (reason) => resolve(reason)));
}

test("signing out ends that session for every copy of its cookie: pages, API, session endpoint and live connection", async ({
  browser,
  memberContext,
  memberPage,
  baseURL,
}) => {
  const copy = await copyOf(browser, memberContext, baseURL!);
  const socket = await connectSocket(baseURL!, copy);
  const ended = disconnection(socket);
  expect(await joinRoom(socket, "channel:cafe")).toBe(true);
  expect((await (await copy.request.get("/api/auth/session")).json())?.user?.email).toBeTruthy();
  expect((await copy.request.get("/api/notifications/unread")).status()).toBe(200);

  await memberPage.goto("/");
  await memberPage.locator("summary", { hasText: "Menu du compte" }).click();
  await memberPage.getByRole("button", { name: "Se déconnecter" }).click();
  await expect(memberPage.getByRole("link", { name: "Se connecter" }).first()).toBeVisible();

  // The live connection opened with the copied cookie is closed by the server at once.
  expect(await ended).toBe("io server disconnect");
  expect(await (await copy.request.get("/api/auth/session")).json()).toBeNull();
  expect((await copy.request.get("/api/notifications/unread")).status()).toBe(401);
  const page = await copy.newPage();
  await page.goto("/applications");
  await expect(page).toHaveURL(/\/sign-in/);
  // And the copied cookie now opens only a visitor's live connection: no members-only room.
  const retry = await connectSocket(baseURL!, copy);
  expect(await joinRoom(retry, "channel:cafe")).toBe(false);
  retry.close();
  socket.close();
  await copy.close();
});

test("changing the password closes the other devices' live connections and sessions", async ({
  request,
  signIn,
  baseURL,
}) => {
  const user = await createUser(request);
  const laptop = await signIn(user);
  const phone = await signIn(user);
  const phoneSocket = await connectSocket(baseURL!, phone.context);
  const ended = disconnection(phoneSocket);

  await laptop.page.goto("/settings/profile");
  await laptop.page.getByLabel("Mot de passe actuel").fill(TEST_PASSWORD);
  await laptop.page.getByLabel("Nouveau mot de passe").fill("un tout nouveau mot de passe");
  await laptop.page.getByRole("button", { name: "Changer le mot de passe" }).click();
  await expect(laptop.page.getByText("Mot de passe changé")).toBeVisible();

  expect(await ended).toBe("io server disconnect");
  expect(await (await phone.context.request.get("/api/auth/session")).json()).toBeNull();
  // The device that changed it stays signed in.
  expect((await laptop.context.request.get("/api/notifications/unread")).status()).toBe(200);
  phoneSocket.close();
});

test("a facilitator is warned before the idle limit and can stay signed in", async ({ request, signIn }) => {
  const staff = await signIn(await createUser(request, { role: "facilitator" }));
  const warning = staff.page.getByRole("dialog", { name: "Êtes-vous toujours là ?" });
  await staff.page.clock.install();
  await staff.page.goto("/moderation");
  await expect(staff.page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(warning).toBeHidden();

  // Fifty-eight and a half quiet minutes (the staff idle limit is one hour), on both clocks: the
  // page's, and the server's record of the session's last activity.
  expect((await staff.context.request.post("/api/test/session", { data: { idleMinutes: 58.5 } })).status()).toBe(204);
  // Offline while the hour passes: the live connection's reconnection (its timers jump too)
  // would otherwise reload data, which is activity on the server's side.
  await staff.context.setOffline(true);
  await staff.page.clock.fastForward("58:30");
  await expect(warning).toBeVisible();
  await staff.context.setOffline(false);
  await expect(warning.getByRole("timer")).toContainText(/1 min \d+ s/);
  await expect(warning.getByRole("button", { name: "Rester connecté·e" })).toBeFocused();
  await warning.getByRole("button", { name: "Rester connecté·e" }).click();
  await expect(warning).toBeHidden();
  // The session was extended on the server: a page a minute later is still signed in, unwarned.
  await staff.page.clock.fastForward("01:00");
  await staff.page.reload();
  await expect(staff.page).toHaveURL(/\/moderation/);
  await expect(staff.page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(warning).toBeHidden();
});
