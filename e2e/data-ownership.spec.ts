import { readFileSync } from "node:fs";
import { randomUUID } from "node:crypto";
import { strFromU8, unzipSync } from "fflate";
import { expectNoSeriousA11yViolations } from "./fixtures/axe";
import { facilitatorPage } from "./fixtures/community";
import { createThread, paragraphDoc } from "./fixtures/forum";
import { expect, test } from "./fixtures/test";
import { createUser, signInOverHttp } from "./fixtures/users";

test("a member exports their data, then erases their account and can no longer sign in", async ({
  browser,
  request,
}) => {
  test.setTimeout(120_000);
  const tag = `zqxqz${randomUUID().slice(0, 6)}`;
  const user = await createUser(request, { name: `Sentinelle ${tag}` });
  const context = await browser.newContext();
  await signInOverHttp(context, user);
  const page = await context.newPage();
  await createThread(context.request, {
    title: `Question ${tag} sur les entretiens`,
    body: paragraphDoc(`Mon message ${tag}Body pour la communauté.`),
  });

  // Export: the password again, then the archive once the queue has built it.
  await page.goto("/settings/donnees");
  await expect(page.getByRole("heading", { level: 1, name: "Mes données" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await page.getByLabel("Votre mot de passe").fill("pas le bon mot de passe");
  await page.getByRole("button", { name: "Préparer mon archive" }).click();
  await expect(page.getByText("Ce mot de passe n'est pas le bon.")).toBeVisible();
  await page.getByLabel("Votre mot de passe").fill(user.password);
  await page.getByRole("button", { name: "Préparer mon archive" }).click();
  await expect(page.getByText(/Votre archive est en préparation/)).toBeVisible();
  const link = page.getByRole("link", { name: /Télécharger/ });
  await expect(async () => {
    await page.reload();
    await expect(link).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 30_000 });
  const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
  const zip = unzipSync(readFileSync((await download.path())!));
  expect(Object.keys(zip)).toEqual(expect.arrayContaining(["profile.json", "posts.json", "files.json", "drafts.json"]));
  expect(strFromU8(zip["profile.json"]!)).toContain(`Sentinelle ${tag}`);
  expect(strFromU8(zip["posts.json"]!)).toContain(`${tag}Body`);
  expect(strFromU8(zip["posts.json"]!)).toContain(`Question ${tag}`);
  // Someone else cannot fetch it, even with the link.
  const href = (await link.getAttribute("href"))!;
  const other = await createUser(request);
  const otherContext = await browser.newContext();
  await signInOverHttp(otherContext, other);
  expect((await otherContext.request.get(href)).status()).toBe(404);
  await otherContext.close();

  // Erasure: a clear explanation, the password, an explicit confirmation.
  await page.goto("/settings/supprimer-mon-compte");
  await expect(page.getByRole("heading", { level: 1, name: "Supprimer mon compte" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await expect(page.getByRole("radio", { name: /Les garder sous le nom « Ancien membre »/ })).toBeChecked();
  await page.getByLabel("Votre mot de passe").fill(user.password);
  await page.getByRole("button", { name: "Supprimer définitivement mon compte" }).click();
  await expect(page.getByText("Cochez la case pour confirmer la suppression.")).toBeVisible();
  await page.getByLabel("Votre mot de passe").fill(user.password);
  await page.getByRole("radio", { name: "Les supprimer" }).check();
  await page.getByRole("checkbox", { name: /Je comprends/ }).check();
  await page.getByRole("button", { name: "Supprimer définitivement mon compte" }).click();
  await expect(page.getByRole("heading", { name: "Votre compte est supprimé" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  // Signed out, and the account no longer signs in.
  await page.goto("/settings/donnees");
  await expect(page).toHaveURL(/\/sign-in/);
  const again = await browser.newContext();
  await expect(signInOverHttp(again, user)).rejects.toThrow(/sign-in refused/);
  await again.close();
  await context.close();
});

test("the privacy page is public, plain French, and linked from the footer and sign-up", async ({ page }) => {
  await page.goto("/sign-up");
  await expect(page.getByRole("link", { name: "Ce que nous faisons de vos données" })).toBeVisible();
  await page.getByRole("contentinfo").getByRole("link", { name: "Confidentialité et données personnelles" }).click();
  await expect(page).toHaveURL(/\/confidentialite$/);
  await expect(page.getByRole("heading", { level: 1, name: /Confidentialité/ })).toBeVisible();
  for (const section of ["Ce que nous gardons", "Pourquoi", "Qui voit quoi", "Combien de temps", "Vos droits"]) {
    await expect(page.getByRole("heading", { level: 2, name: section })).toBeVisible();
  }
  await expectNoSeriousA11yViolations(page);
});

test("a facilitator erases an account on the member's request, with a reason kept in the audit log", async ({
  browser,
  request,
}) => {
  const member = await createUser(request);
  const staff = await facilitatorPage(browser, request);
  await staff.page.goto(`/moderation/members?q=${encodeURIComponent(member.email)}`);
  await staff.page.getByText(`Effacer le compte de ${member.name} (à sa demande)`).click();
  await staff.page.getByRole("button", { name: "Effacer le compte" }).click();
  await expect(staff.page.getByText(/Indiquez le motif/)).toBeVisible();
  await staff.page.getByLabel("Motif", { exact: true }).fill("Demande reçue par e-mail le 1er décembre");
  await staff.page.getByRole("button", { name: "Effacer le compte" }).click();
  // The erased account leaves the members list (tombstones are not listed).
  await expect(staff.page.getByText("Aucun compte ne correspond.")).toBeVisible();
  await staff.page.goto(`/moderation/audit?member=${member.id}`);
  await expect(staff.page.getByText("Demande reçue par e-mail le 1er décembre")).toBeVisible();
  await expect(staff.page.getByText(member.email)).toHaveCount(0);
  await staff.close();
  const context = await browser.newContext();
  await expect(signInOverHttp(context, member)).rejects.toThrow(/sign-in refused/);
  await context.close();
});
