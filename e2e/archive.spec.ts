import { expectNoSeriousA11yViolations } from "./fixtures/axe";
import { createReply, createThread } from "./fixtures/forum";
import { expect, test } from "./fixtures/test";

/**
 * An admin archives a channel on the channel admin page: it leaves the navigation and the home
 * page, its thread stays readable with a "Salon archivé" notice and no reply box (the API refuses
 * a reply too); restoring brings everything back.
 */
test("an admin archives a channel and restores it", async ({ memberContext, memberPage: page, newSession }) => {
  const thread = await createThread(memberContext.request, { channel: "victoires", title: "Mon CDI en coopérative" });
  const { page: admin } = await newSession({ role: "admin" });
  const channelNav = page.getByRole("navigation", { name: "Salons" });

  await page.goto("/");
  await expect(channelNav.getByRole("link", { name: "Victoires" })).toBeVisible();

  await admin.goto("/moderation/channels");
  admin.once("dialog", (dialog) => void dialog.accept());
  await admin.getByRole("button", { name: "Archiver le salon Victoires" }).click();
  await expect(admin.getByText("Salon « Victoires » archivé.")).toBeVisible();
  await expect(admin.getByRole("button", { name: "Restaurer le salon Victoires" })).toBeVisible();
  await expectNoSeriousA11yViolations(admin);

  // Gone from the navigation and the home page's channel list.
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Les salons" })).toBeVisible();
  await expect(channelNav.getByRole("link", { name: "Victoires" })).toHaveCount(0);
  await expect(page.locator("#salons").getByRole("link", { name: "Victoires" })).toHaveCount(0);

  // The thread stays readable by its link, says why nobody can reply, and offers no reply box.
  await page.goto(thread.path);
  await expect(page.getByRole("heading", { name: "Mon CDI en coopérative", level: 1 })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "Salon archivé" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Écrire une réponse…" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Répondre", exact: true })).toHaveCount(0);
  expect((await createReply(memberContext.request, thread.id, { text: "Bravo !" })).status()).toBe(403);
  await expectNoSeriousA11yViolations(page);

  // Restored: back in the navigation, the thread takes replies again.
  await admin.goto("/moderation/channels");
  await admin.getByRole("button", { name: "Restaurer le salon Victoires" }).click();
  await expect(admin.getByText("Salon « Victoires » restauré.")).toBeVisible();
  await page.goto(thread.path);
  await expect(page.getByRole("status").filter({ hasText: "Salon archivé" })).toHaveCount(0);
  await expect(channelNav.getByRole("link", { name: "Victoires" })).toBeVisible();
  expect((await createReply(memberContext.request, thread.id, { text: "Bravo !" })).status()).toBe(201);
});
