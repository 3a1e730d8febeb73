import { randomUUID } from "node:crypto";
import { createReply, paragraphDoc } from "./fixtures/forum";
import { expect, test } from "./fixtures/test";

// Issue 22 item 9: channel lists show questions, solved ones and what is unread; accepting an
// answer reaches other readers live.

test("channel lists mark questions, solved ones and unread threads; an accepted answer appears live", async ({
  newSession,
}) => {
  const asker = await newSession({ name: "Inès Asker" });
  const helper = await newSession({ name: "Hugo Helper" });
  const title = `Quelle convention collective ${randomUUID().slice(0, 6)} ?`;
  const created = await asker.context.request.post("/api/v1/channels/entraide/threads", {
    data: {
      title,
      body: paragraphDoc("Pour un poste en association."),
      idempotencyKey: randomUUID(),
      isQuestion: true,
    },
  });
  expect(created.status()).toBe(201);
  const thread = (await created.json()) as { id: number; path: string };

  // The helper has not opened it: a question, new to them.
  const page = helper.page;
  await page.goto("/c/entraide");
  const entry = page.getByRole("listitem").filter({ has: page.getByRole("link", { name: title }) });
  await expect(entry.getByText("Question", { exact: true })).toBeVisible();
  await expect(entry.getByText("Nouveau", { exact: true })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: title })).toBeVisible();

  const reply = await createReply(helper.context.request, thread.id, { text: "La convention ECLAT (animation)." });
  const { post } = (await reply.json()) as { post: { id: number } };
  await page.goto(thread.path);
  await expect(page.getByRole("heading", { name: "Réponse acceptée" })).toHaveCount(0);

  // The asker accepts it elsewhere: the helper's open page shows it without a reload.
  const accepted = await asker.context.request.post(`/api/v1/posts/${post.id}/accept`, { data: {} });
  expect(accepted.ok()).toBe(true);
  const slot = page.getByRole("region", { name: "Réponse acceptée" });
  await expect(slot).toContainText("La convention ECLAT");
  await expect(page.locator("header").getByText("Résolue")).toBeVisible();

  // Withdrawn from the asker's page: gone from the helper's too.
  await asker.page.goto(thread.path);
  await asker.page.locator("#p2").getByRole("button", { name: "Annuler l'acceptation" }).click();
  await expect(slot).toHaveCount(0);
  await expect(page.locator("header").getByText("Résolue")).toHaveCount(0);

  // Back in the list: read now, so no marker; accepted again, it shows as solved.
  expect((await asker.context.request.post(`/api/v1/posts/${post.id}/accept`, { data: {} })).ok()).toBe(true);
  await page.goto("/c/entraide");
  await expect(entry.getByText("Résolue", { exact: true })).toBeVisible();
  await expect(entry.getByText("Nouveau", { exact: true })).toHaveCount(0);
});

test("the Bienvenue thread is pinned at the top of its channel", async ({ newSession }) => {
  // The channel is for members: a visitor is asked to join instead.
  const { page } = await newSession();
  await page.goto("/c/programme");
  // Pinned threads (the Bienvenue one, and this week's activity thread) come before all others.
  const items = page.getByRole("main").getByRole("listitem");
  const welcome = items.filter({ hasText: "Bienvenue dans la communauté Pro'pulse !" });
  await expect(welcome.getByText("Épinglé")).toBeVisible();
  const pinnedFlags = await items.evaluateAll((elements) =>
    elements.map((element) => element.textContent?.includes("Épinglé") ?? false),
  );
  expect(pinnedFlags.indexOf(false)).toBeGreaterThan(0);
  expect(pinnedFlags.slice(pinnedFlags.indexOf(false))).not.toContain(true);
});
