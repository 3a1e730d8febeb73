import { randomUUID } from "node:crypto";
import { expectNoSeriousA11yViolations } from "./fixtures/axe";
import { expect, test } from "./fixtures/test";

// The demo seed writes Pro'pulse's help pages (lib/programme/templates/propulse.json, section `help`).

test("a member finds the help from the footer and from the pages it explains, reads a page, and both pass an accessibility scan", async ({
  memberPage: page,
}) => {
  // Several pages, two accessibility scans: more than a usual test's time on a busy machine.
  test.slow();
  await page.goto("/");
  await page.getByRole("contentinfo").getByRole("link", { name: "Aide" }).click();
  await expect(page).toHaveURL(/\/aide$/);
  await expect(page.getByRole("heading", { level: 1, name: "Aide" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Pour l'équipe d'animation" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Admettre un membre" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Nouvelle page" })).toHaveCount(0);
  await expectNoSeriousA11yViolations(page);

  await page.getByRole("link", { name: "Poster mon CV pour avoir des retours" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Poster mon CV pour avoir des retours" })).toBeVisible();
  // Links inside the app stay in the tab; nothing to edit for a member, and no editor loaded.
  const link = page.getByRole("main").getByRole("link", { name: "Relecture de CV" }).first();
  await expect(link).toHaveAttribute("href", "/c/cv");
  await expect(link).not.toHaveAttribute("target", /.+/);
  await expect(page.getByRole("link", { name: "Modifier" })).toHaveCount(0);
  await expect(page.locator(".ProseMirror")).toHaveCount(0);
  await expectNoSeriousA11yViolations(page);

  // The check-in page and the CV review form lead to their help page; the account menu to the index.
  await page.goto("/cafe");
  await page.getByRole("link", { name: "Aide : Faire mon point de la semaine" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Faire mon point de la semaine" })).toBeVisible();
  await page.goto("/c/cv/review/new");
  await expect(page.getByRole("link", { name: "Aide : Poster mon CV pour avoir des retours" })).toHaveAttribute(
    "href",
    "/aide/poster-mon-cv",
  );
  await page.locator("summary", { hasText: "Menu du compte" }).click();
  await expect(page.getByRole("link", { name: "Aide", exact: true }).first()).toHaveAttribute("href", "/aide");
});

test("a facilitators' page is a 404 for a member, exactly like a missing page; staff read it from the moderation area", async ({
  memberPage: page,
  newSession,
}) => {
  // Three accounts and browser contexts: more than a usual test's time on a busy machine.
  test.slow();
  for (const path of ["/aide/admettre-un-membre", "/aide/cette-page-n-existe-pas"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { name: "Admettre un membre" })).toHaveCount(0);
  }

  // A visitor is invited to sign in for a members' page, and learns nothing of the facilitators'.
  const visitor = await page.context().browser()!.newContext();
  const visitorPage = await visitor.newPage();
  expect((await visitorPage.goto("/aide/poster-mon-cv"))?.status()).toBe(200);
  await expect(visitorPage.getByRole("link", { name: "Se connecter pour lire" })).toBeVisible();
  expect((await visitorPage.goto("/aide/admettre-un-membre"))?.status()).toBe(404);
  await visitor.close();

  const { page: staff } = await newSession({ role: "facilitator" });
  await staff.goto("/moderation");
  await staff
    .getByRole("region", { name: "Aide pour l'équipe d'animation" })
    .getByRole("link", { name: "Traiter un signalement" })
    .click();
  await expect(staff.getByRole("heading", { level: 1, name: "Traiter un signalement" })).toBeVisible();
  await staff.goto("/aide");
  await expect(staff.getByRole("heading", { name: "Pour l'équipe d'animation" })).toBeVisible();
  await expect(staff.getByRole("link", { name: "Admettre un membre" })).toBeVisible();
  // Reading is not editing: that is the admins'.
  await expect(staff.getByRole("link", { name: "Nouvelle page" })).toHaveCount(0);
  expect((await staff.goto("/aide/admettre-un-membre/modifier"))?.status()).toBe(404);
});

test("an admin edits a page's text (a refused save keeps what was typed) and the member sees the change after a reload", async ({
  memberPage: page,
  newSession,
}) => {
  // Two accounts, the editor's chunk: more than a usual test's time on a busy machine.
  test.slow();
  const sentence = `Astuce du jour ${randomUUID().slice(0, 8)}.`;
  await page.goto("/aide/suivre-mes-candidatures");
  await expect(page.getByText(sentence)).toHaveCount(0);

  const { page: admin } = await newSession({ role: "admin" });
  await admin.goto("/aide/suivre-mes-candidatures");
  await admin.getByRole("link", { name: "Modifier" }).click();
  await expect(admin.getByRole("heading", { level: 1, name: "Modifier la page d'aide" })).toBeVisible();
  const editor = admin.getByRole("textbox", { name: "Texte de la page" });
  await editor.click();
  await admin.keyboard.press("ControlOrMeta+End");
  await admin.keyboard.press("Enter");
  await editor.pressSequentially(sentence);

  // No title: refused, the message beside the title, the text typed still there.
  const title = admin.getByLabel("Titre", { exact: true });
  await title.fill("");
  await admin.getByRole("button", { name: "Enregistrer" }).click();
  await expect(admin.getByText("Donnez un titre à la page.")).toBeVisible();
  await expect(title).toHaveAttribute("aria-invalid", "true");
  await expect(editor).toContainText(sentence);

  await title.fill("Suivre mes candidatures");
  await admin.getByRole("button", { name: "Enregistrer" }).click();
  await expect(admin).toHaveURL(/\/aide\/suivre-mes-candidatures$/);
  await expect(admin.getByRole("main").getByText(sentence)).toBeVisible();

  await page.reload();
  await expect(page.getByRole("main").getByText(sentence)).toBeVisible();
  // The edit is in the moderation log.
  await admin.goto("/moderation/audit?action=help.update");
  await expect(admin.getByRole("listitem").filter({ hasText: "a modifié la page d'aide" }).first()).toBeVisible();
});
