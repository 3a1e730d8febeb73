import { createThread } from "./fixtures/forum";
import { expect, test } from "./fixtures/test";

// Issue 22, "never lose what the person did": a tap before the scripts ran, a draft typed
// offline, and where the focus lands after an action.

const SCRIPT_DELAY_MS = 2_500;

// Two accounts, reloads and a slow network on a shared machine: more than the default minute.
test.describe.configure({ timeout: 120_000 });

test("on a slow network the first tap on the reply box works, and what is typed before hydration is kept", async ({
  memberContext: context,
  memberPage: page,
}) => {
  const thread = await createThread(context.request);
  // Every script arrives at least 2.5 s late, and not before the tap and the typing are done:
  // the page is server HTML only, whatever the machine's speed.
  let releaseScripts = () => {};
  const typed = new Promise<void>((resolve) => (releaseScripts = resolve));
  let released = 0;
  await page.route("**/_next/static/**/*.js", async (route) => {
    await Promise.all([typed, new Promise((resolve) => setTimeout(resolve, SCRIPT_DELAY_MS))]);
    released += 1;
    await route.continue();
  });
  await page.goto(thread.path, { waitUntil: "commit" });
  const plainBox = page.getByRole("textbox", { name: "Écrire une réponse…" });
  await plainBox.click();
  await page.keyboard.type("Tapé avant les scripts");
  expect(released).toBe(0);
  await expect(plainBox).toHaveValue("Tapé avant les scripts");
  releaseScripts();

  // Once hydrated, the editor takes over with the text, the caret at its end.
  const editor = page.getByRole("textbox", { name: "Votre réponse" });
  await expect(editor).toContainText("Tapé avant les scripts");
  await expect(editor).toBeFocused();
  // The toolbar speaks French and draws SVG icons (no "T1/T2", nothing that needs an emoji font).
  const toolbar = page.getByRole("toolbar", { name: "Mise en forme" });
  await expect(toolbar.getByRole("button", { name: "Titre de section", exact: true })).toHaveAttribute(
    "title",
    "Titre de section",
  );
  await expect(toolbar.locator("button svg")).toHaveCount(9);
  await expect(toolbar).not.toContainText(/T1|T2|🔗/);
  await page.keyboard.type(", puis dans l'éditeur");
  await page.keyboard.press("Control+Enter");
  const sent = page.locator("#p2");
  await expect(sent).toContainText("Tapé avant les scripts, puis dans l'éditeur");
  // Focus follows the action: to the reply just sent, not to <body>.
  await expect(sent).toBeFocused();
});

test("a reply typed offline survives a reload and reaches the server once it is back", async ({
  browser,
  memberContext: context,
  memberPage: page,
}) => {
  const thread = await createThread(context.request);
  await page.goto(thread.path);
  await page.getByRole("textbox", { name: "Écrire une réponse…" }).click();
  const editor = page.getByRole("textbox", { name: "Votre réponse" });
  await expect(editor).toBeFocused();

  await context.setOffline(true);
  await page.keyboard.type("Écrit dans le train, sans réseau");
  await expect(page.getByText("Brouillon non enregistré (connexion ?)")).toBeVisible();

  // The server still cannot get the draft (not even on the way out of the page): what comes
  // back after the reload can only be the copy kept in the browser.
  const refuseServerActions = (route: import("@playwright/test").Route) =>
    route.request().method() === "POST" && route.request().headers()["next-action"] ? route.abort() : route.continue();
  await page.route(`**${thread.path}`, refuseServerActions);
  await context.setOffline(false);
  await page.reload();
  await expect(page.getByRole("textbox", { name: "Votre réponse" })).toContainText("Écrit dans le train, sans réseau");
  await expect(page.getByText("Nous avons retrouvé votre brouillon")).toBeVisible();

  // The network is back: the next change is saved on the server, and the browser copy dropped.
  await page.unroute(`**${thread.path}`, refuseServerActions);
  await page.getByRole("textbox", { name: "Votre réponse" }).press("End");
  await page.keyboard.type(" !");
  await expect(page.getByText("Brouillon enregistré")).toBeVisible();
  await expect
    .poll(() => page.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith("propulse:draft:"))))
    .toEqual([]);

  // Another device of the same member finds it on the server.
  // (Its cookies only: nothing of this browser's storage.)
  const other = await browser.newContext({
    storageState: { cookies: (await context.storageState()).cookies, origins: [] },
  });
  const otherPage = await other.newPage();
  await otherPage.goto(thread.path);
  await expect(otherPage.getByRole("textbox", { name: "Votre réponse" })).toContainText(
    "Écrit dans le train, sans réseau !",
  );
  await other.close();
});

test("after picking a reaction the focus stays on that reaction", async ({
  memberContext: context,
  memberPage: page,
}) => {
  const thread = await createThread(context.request);
  await page.goto(thread.path);
  const opening = page.locator("#p1");
  await opening.getByRole("button", { name: "Réagir", exact: true }).click();
  await opening.getByRole("button", { name: "Réagir avec 🎉" }).click();
  const chip = opening.getByRole("button", { name: /^🎉 1/ });
  await expect(chip).toHaveAttribute("aria-pressed", "true");
  // Drawn as an image, so a system without an emoji font never shows a box.
  await expect(chip.locator('svg[data-emoji="🎉"]')).toBeVisible();
  await expect(chip).toBeFocused();
  expect(await page.evaluate(() => document.activeElement?.tagName)).toBe("BUTTON");

  // Taking it back removes the count: focus goes to "Réagir", never to <body>.
  await chip.click();
  await expect(opening.getByRole("button", { name: "Réagir", exact: true })).toBeFocused();
});

test("the pitch form names what is missing at the top and moves to the first field to fix", async ({
  memberPage: page,
}) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto("/c/pitch");
  await page.getByRole("link", { name: "Enregistrer un pitch" }).click();
  const target = page.getByLabel("Poste ou secteur visé");
  await expect(target).toHaveAttribute("aria-required", "true");
  await expect(page.getByLabel("Titre du pitch")).toHaveAttribute("aria-required", "true");
  await page.getByLabel("Titre du pitch").fill("Mon pitch pour une recyclerie");
  await page.getByRole("button", { name: "Publier le pitch" }).click();

  const summary = page.getByRole("alert").filter({ hasText: "Certains champs sont à corriger." });
  await expect(summary).toContainText("Poste ou secteur visé : Indiquez le poste ou le secteur visé.");
  await expect(target).toBeFocused();
  await expect(target).toBeInViewport();
  await expect(target).toHaveAttribute("aria-invalid", "true");
});
