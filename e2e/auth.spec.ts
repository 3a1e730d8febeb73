import { expect, test } from "@playwright/test";
import { createUser, lastEmailTo, linkIn, TEST_PASSWORD, uniqueEmail } from "./fixtures/users";

test("a visitor signs up, confirms the address, signs out and signs in again", async ({ page }) => {
  const email = uniqueEmail("inscription");
  await page.goto("/sign-up");
  await page.getByLabel("Prénom et nom").fill("Inès Morel");
  await page.getByLabel("Adresse e-mail").fill(email);
  await page.getByLabel("Mot de passe").fill(TEST_PASSWORD);
  await page.getByRole("button", { name: "Créer mon compte" }).click();
  await expect(page.getByText("Vérifiez votre boîte mail")).toBeVisible();

  await expect.poll(() => lastEmailTo(email)?.subject).toContain("Confirmez votre adresse");
  await page.goto(linkIn(lastEmailTo(email)!.text));
  await expect(page.getByText("Votre adresse est confirmée")).toBeVisible();

  await page.getByLabel("Adresse e-mail").fill(email);
  await page.getByLabel("Mot de passe").fill(TEST_PASSWORD);
  await page.getByRole("button", { name: "Se connecter" }).click();
  await expect(page.getByRole("heading", { name: "Bonjour Inès Morel !" })).toBeVisible();

  await page.locator("summary", { hasText: "Menu du compte" }).click();
  await page.getByRole("button", { name: "Se déconnecter" }).click();
  await expect(page.getByRole("link", { name: "Rejoindre la communauté" })).toBeVisible();

  await page.goto("/sign-in");
  await page.getByLabel("Adresse e-mail").fill(email);
  await page.getByLabel("Mot de passe").fill(TEST_PASSWORD);
  await page.getByRole("button", { name: "Se connecter" }).click();
  await expect(page.getByRole("heading", { name: "Bonjour Inès Morel !" })).toBeVisible();
  await page.reload();
  await expect(page.getByRole("heading", { name: "Bonjour Inès Morel !" })).toBeVisible();
});

test("a wrong password gets a message that does not reveal whether the account exists", async ({ page, request }) => {
  const user = await createUser(request);
  const messages: string[] = [];
  for (const email of [user.email, uniqueEmail("inconnu")]) {
    await page.goto("/sign-in");
    await page.getByLabel("Adresse e-mail").fill(email);
    await page.getByLabel("Mot de passe").fill("pas le bon mot de passe");
    await page.getByRole("button", { name: "Se connecter" }).click();
    const alert = page.locator("main").getByRole("alert");
    await expect(alert).toBeVisible();
    messages.push((await alert.textContent()) ?? "");
    // The address typed is kept for a second try.
    await expect(page.getByLabel("Adresse e-mail")).toHaveValue(email);
  }
  expect(messages[0]).toContain("Adresse e-mail ou mot de passe incorrect");
  expect(messages[1]).toBe(messages[0]);
});

test("sign-up refuses a short or common password field by field and keeps what was typed", async ({ page }) => {
  await page.goto("/sign-up");
  await page.getByLabel("Prénom et nom").fill("Lou Garnier");
  await page.getByLabel("Adresse e-mail").fill("pas-une-adresse");
  await page.getByLabel("Mot de passe").fill("azertyuiop");
  await page.getByRole("button", { name: "Créer mon compte" }).click();
  await expect(page.getByText("Cette adresse e-mail n'est pas valide")).toBeVisible();
  await expect(page.getByText("Ce mot de passe est trop courant")).toBeVisible();
  await expect(page.getByLabel("Prénom et nom")).toHaveValue("Lou Garnier");
  await expect(page.getByLabel("Adresse e-mail")).toHaveValue("pas-une-adresse");
});

test("signing up with a taken address looks the same and mails the owner instead", async ({ page, request }) => {
  const user = await createUser(request);
  await page.goto("/sign-up");
  await page.getByLabel("Prénom et nom").fill("Quelqu'un d'autre");
  await page.getByLabel("Adresse e-mail").fill(user.email.toUpperCase());
  await page.getByLabel("Mot de passe").fill(TEST_PASSWORD);
  await page.getByRole("button", { name: "Créer mon compte" }).click();
  await expect(page.getByText("Vérifiez votre boîte mail")).toBeVisible();
  await expect.poll(() => lastEmailTo(user.email)?.subject).toContain("déjà un compte");
});

test("a forgotten password is reset by email and the old one stops working", async ({ page, request }) => {
  const user = await createUser(request);
  await page.goto("/forgot-password");
  await page.getByLabel("Adresse e-mail").fill(user.email);
  await page.getByRole("button", { name: "Envoyer le lien" }).click();
  await expect(page.getByText(`Si un compte existe pour ${user.email}`)).toBeVisible();
  await expect.poll(() => lastEmailTo(user.email)?.subject).toContain("nouveau mot de passe");
  await page.goto(linkIn(lastEmailTo(user.email)!.text));
  await page.getByLabel("Nouveau mot de passe").fill("une toute nouvelle phrase");
  await page.getByRole("button", { name: "Enregistrer le mot de passe" }).click();
  await expect(page.getByText("Votre mot de passe a été changé")).toBeVisible();

  await page.getByLabel("Adresse e-mail").fill(user.email);
  await page.getByLabel("Mot de passe").fill(TEST_PASSWORD);
  await page.getByRole("button", { name: "Se connecter" }).click();
  await expect(page.locator("main").getByRole("alert")).toContainText("incorrect");
  await page.getByLabel("Mot de passe").fill("une toute nouvelle phrase");
  await page.getByRole("button", { name: "Se connecter" }).click();
  await expect(page.getByRole("heading", { name: `Bonjour ${user.name} !` })).toBeVisible();
});
