import { expect, test, type APIRequestContext, type Browser } from "@playwright/test";
import { createReply, createThread } from "./fixtures/forum";
import { connectSocket, joinRoom } from "./fixtures/sockets";
import { createUser, signInOverHttp } from "./fixtures/users";

test("B sees A's reply, typing, reactions and presence without reloading", async ({ browser, request }) => {
  const [alice, bruno, chloe] = await Promise.all([
    createUser(request, { name: "Alice Live" }),
    createUser(request, { name: "Bruno Live" }),
    createUser(request, { name: "Chloé Live" }),
  ]);
  const contexts = await Promise.all([browser.newContext(), browser.newContext(), browser.newContext()]);
  await Promise.all([
    signInOverHttp(contexts[0]!, alice),
    signInOverHttp(contexts[1]!, bruno),
    signInOverHttp(contexts[2]!, chloe),
  ]);
  const thread = await createThread(contexts[0]!.request, { title: "Un fil qui vit" });
  const [a, b, c] = await Promise.all(contexts.map((context) => context.newPage()));
  await a!.goto(thread.path);
  await b!.goto(thread.path);
  await expect(b!.getByText("2 personnes lisent ce fil")).toBeVisible();

  await a!.getByRole("textbox", { name: "Écrire une réponse…" }).click();
  await a!.getByRole("textbox", { name: "Votre réponse" }).pressSequentially("Bonjour en direct");
  await expect(b!.getByText("Alice Live écrit…")).toBeVisible();
  await a!.getByRole("button", { name: "Répondre", exact: true }).last().click();
  await expect(b!.locator("#p2")).toContainText("Bonjour en direct");
  await expect(b!.getByRole("heading", { name: "1 réponse" })).toBeVisible();

  await a!.locator("#p2").getByRole("button", { name: "Réagir", exact: true }).click();
  await a!.getByRole("button", { name: "Réagir avec 🎉" }).click();
  const reaction = b!.locator("#p2").getByRole("button", { name: /🎉 1 : Alice Live/ });
  await expect(reaction).toBeVisible();
  await expect(reaction).toHaveAttribute("aria-pressed", "false");

  // An edit reaches every page with the post's reactions, each reader's own still pressed.
  await b!
    .locator("#p2")
    .getByRole("button", { name: /🎉 1 : Alice Live/ })
    .click();
  const both = b!.locator("#p2").getByRole("button", { name: /🎉 2 : Alice Live, Bruno Live/ });
  await expect(both).toHaveAttribute("aria-pressed", "true");
  await a!.locator("#p2").getByRole("button", { name: "Modifier" }).click();
  await a!.getByRole("textbox", { name: "Modifier le message" }).pressSequentially(" (modifié)");
  await a!.getByRole("button", { name: "Enregistrer" }).click();
  await expect(b!.locator("#p2")).toContainText("Bonjour en direct (modifié)");
  await expect(both).toHaveAttribute("aria-pressed", "true");

  await c!.goto(thread.path);
  await expect(b!.getByText("3 personnes lisent ce fil")).toBeVisible();
  await c!.close();
  await expect(b!.getByText("2 personnes lisent ce fil")).toBeVisible();
  for (const context of contexts) await context.close();
});

/** A (writer) and B (reader, on the thread page, following it live), then B's network cut. */
async function readerGoesOffline(browser: Browser, request: APIRequestContext) {
  const [alice, bruno] = await Promise.all([createUser(request), createUser(request)]);
  const contextA = await browser.newContext();
  const contextB = await browser.newContext();
  await signInOverHttp(contextA, alice);
  await signInOverHttp(contextB, bruno);
  const thread = await createThread(contextA.request);
  const b = await contextB.newPage();
  await b.goto(thread.path);
  await expect(b.getByRole("heading", { name: "Aucune réponse pour l'instant" })).toBeVisible();
  // Wait until B follows the thread live, then cut its network.
  await expect
    .poll(async () => (await createReply(contextA.request, thread.id, { text: "Avant la coupure" })).status())
    .toBe(201);
  await expect(b.locator("#p2")).toContainText("Avant la coupure");

  await contextB.setOffline(true);
  await expect(b.getByText("Connexion en direct perdue")).toBeVisible();
  return { contextA, contextB, thread, b };
}

test("a reader who loses the connection gets every missed reply once, in order", async ({ browser, request }) => {
  const { contextA, contextB, thread, b } = await readerGoesOffline(browser, request);
  for (const text of ["Manqué 1", "Manqué 2", "Manqué 3"]) {
    expect((await createReply(contextA.request, thread.id, { text })).status()).toBe(201);
  }
  await contextB.setOffline(false);
  await expect(b.getByText("De nouveau en direct")).toBeVisible({ timeout: 30_000 });
  await expect(b.locator("#p5")).toContainText("Manqué 3");
  const texts = await b.locator("ol > li > article .prose-post").allTextContents();
  expect(texts).toEqual(["Avant la coupure", "Manqué 1", "Manqué 2", "Manqué 3"]);
  await contextA.close();
  await contextB.close();
});

test("a reader who missed more than 200 replies gets a jump to them, and the API pages to the last", async ({
  browser,
  request,
}) => {
  test.setTimeout(120_000);
  const { contextA, contextB, thread, b } = await readerGoesOffline(browser, request);
  // 230 missed replies (#3–#232), ten at a time.
  for (let batch = 0; batch < 23; batch++) {
    const statuses = await Promise.all(
      Array.from({ length: 10 }, async (_, index) =>
        (await createReply(contextA.request, thread.id, { text: `Manqué ${batch * 10 + index + 1}` })).status(),
      ),
    );
    expect(statuses).toEqual(Array(10).fill(201));
  }
  await contextB.setOffline(false);
  await expect(b.getByText("De nouveau en direct")).toBeVisible({ timeout: 30_000 });
  const jump = b.getByRole("link", { name: "230 nouveaux messages" });
  await expect(jump).toBeVisible();
  // Not hundreds of posts inserted at once: the page still shows the one reply it had.
  await expect(b.locator("ol > li > article")).toHaveCount(1);
  // A reply posted after the catch-up still counts.
  expect((await createReply(contextA.request, thread.id, { text: "Après" })).status()).toBe(201);
  await expect(b.getByRole("link", { name: "231 nouveaux messages" })).toBeVisible();
  await b.getByRole("link", { name: "231 nouveaux messages" }).click();
  await expect(b.locator("#p3")).toBeInViewport();

  // An API client pages with `hasMore` until the last reply: nothing beyond 200 is dropped.
  const numbers: number[] = [];
  for (let after = 2, hasMore = true; hasMore;) {
    const page = await (await contextB.request.get(`/api/v1/threads/${thread.id}/posts?after=${after}`)).json();
    numbers.push(...page.posts.map((post: { number: number }) => post.number));
    hasMore = page.hasMore;
    after = numbers.at(-1)!;
  }
  expect(numbers).toEqual(Array.from({ length: 231 }, (_, index) => index + 3));
  await contextA.close();
  await contextB.close();
});

test("sockets may only join rooms their session may read", async ({ browser, request, baseURL }) => {
  const [member, pending] = await Promise.all([createUser(request), createUser(request, { status: "pending" })]);
  const memberContext = await browser.newContext();
  const pendingContext = await browser.newContext();
  await signInOverHttp(memberContext, member);
  await signInOverHttp(pendingContext, pending);
  const thread = await createThread(memberContext.request, { channel: "cv" });

  const anonymous = await connectSocket(baseURL!);
  expect(await joinRoom(anonymous, `thread:${thread.id}`)).toBe(false);
  expect(await joinRoom(anonymous, "channel:cv")).toBe(false);
  expect(await joinRoom(anonymous, "channel:offres")).toBe(true);

  const pendingSocket = await connectSocket(baseURL!, pendingContext);
  expect(await joinRoom(pendingSocket, `thread:${thread.id}`)).toBe(false);

  const forged = await connectSocket(baseURL!);
  expect(await joinRoom(forged, "user:someone-else")).toBe(false);

  const memberSocket = await connectSocket(baseURL!, memberContext);
  expect(await joinRoom(memberSocket, `thread:${thread.id}`)).toBe(true);
  // The same cookie from a page of another site is refused at the handshake; from the app's own pages it passes.
  await expect(connectSocket(baseURL!, memberContext, { origin: "https://evil.example" })).rejects.toThrow();
  const sameSite = await connectSocket(baseURL!, memberContext, { origin: new URL(baseURL!).origin });
  expect(await joinRoom(sameSite, `thread:${thread.id}`)).toBe(true);
  sameSite.close();

  // A visitor's socket never receives the members-only post.
  const received: unknown[] = [];
  anonymous.onAny((name, payload) => received.push([name, payload]));
  const memberGot = new Promise((resolve) => memberSocket.once("post:created", resolve));
  await createReply(memberContext.request, thread.id, { text: "Réservé aux membres" });
  await memberGot;
  expect(JSON.stringify(received)).not.toContain("Réservé aux membres");
  for (const socket of [anonymous, pendingSocket, forged, memberSocket]) socket.close();
  await memberContext.close();
  await pendingContext.close();
});
