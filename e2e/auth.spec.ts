import { expect, test, type Page } from "@playwright/test";
import { facilitatorPage, fillAdmissionAnswers } from "./fixtures/community";
import { createUser, lastEmailTo, linkIn, TEST_PASSWORD, uniqueEmail } from "./fixtures/users";

/** Sends the filled sign-up form, then opens the link of the confirmation e-mail it triggers. */
async function submitSignUpAndOpenConfirmation(page: Page, email: string) {
  await page.getByRole("button", { name: "Créer mon compte" }).click();
  await expect(page.getByText("Vérifiez votre boîte mail")).toBeVisible();
  await expect.poll(() => lastEmailTo(email)?.subject).toContain("Confirmez votre adresse");
  await page.goto(linkIn(lastEmailTo(email)!.text));
}

test("a visitor signs up, confirms the address, waits for a facilitator, then gets in and signs in again", async ({
  page,
  browser,
  request,
}) => {
  const email = uniqueEmail("inscription");
  await page.goto("/sign-up");
  // The community is closed by default: the admission questions are part of the form.
  await page.getByLabel("Prénom et nom").fill("Inès Morel");
  await page.getByLabel("Adresse e-mail").fill(email);
  await page.getByLabel("Mot de passe").fill(TEST_PASSWORD);
  await fillAdmissionAnswers(page);
  await submitSignUpAndOpenConfirmation(page, email);
  await expect(page.getByText("Votre adresse est confirmée")).toBeVisible();

  await page.getByLabel("Adresse e-mail").fill(email);
  await page.getByLabel("Mot de passe").fill(TEST_PASSWORD);
  await page.getByRole("button", { name: "Se connecter" }).click();
  await expect(page.getByRole("heading", { name: "Votre demande d'adhésion est en cours d'examen" })).toBeVisible();
  // Waiting: the community stays closed to this account.
  await page.goto("/c/entraide");
  await expect(page.getByRole("heading", { name: "Bonjour Inès Morel !" })).toHaveCount(0);
  await expect(page.getByRole("heading", { name: "« Entraide & questions » est réservé aux membres" })).toBeVisible();

  const staff = await facilitatorPage(browser, request);
  await staff.page.goto("/moderation/admissions");
  const application = staff.page.getByRole("article", { name: "Inès Morel" });
  await expect(application.getByText("Réponse 1 : master ESS")).toBeVisible();
  await application.getByRole("button", { name: "Accepter" }).click();
  await expect(staff.page.getByRole("article", { name: "Inès Morel" })).toHaveCount(0);
  await staff.close();
  await expect.poll(() => lastEmailTo(email)?.subject).toContain("Bienvenue");

  await page.goto("/");
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

test("an invitation link admits without questions nor waiting", async ({ page, browser, request }) => {
  const staff = await facilitatorPage(browser, request);
  await staff.page.goto("/moderation/invitations");
  await staff.page.getByLabel("Note pour l'équipe").fill("Atelier e2e");
  await staff.page.getByRole("button", { name: "Créer le lien" }).click();
  const link = await staff.page.getByLabel("Lien d'invitation").inputValue();
  await staff.close();

  const email = uniqueEmail("invitee");
  await page.goto(new URL(link).pathname + new URL(link).search);
  await expect(page.getByText("Vous êtes invité·e")).toBeVisible();
  await expect(page.getByRole("group", { name: "Quelques questions pour l'équipe d'animation" })).toHaveCount(0);
  await page.getByLabel("Prénom et nom").fill("Invitée Directe");
  await page.getByLabel("Adresse e-mail").fill(email);
  await page.getByLabel("Mot de passe").fill(TEST_PASSWORD);
  await submitSignUpAndOpenConfirmation(page, email);
  await page.getByLabel("Adresse e-mail").fill(email);
  await page.getByLabel("Mot de passe").fill(TEST_PASSWORD);
  await page.getByRole("button", { name: "Se connecter" }).click();
  await expect(page.getByRole("heading", { name: "Bonjour Invitée Directe !" })).toBeVisible();

  // Single use: the same link now asks the questions.
  await page.context().clearCookies();
  await page.goto(new URL(link).pathname + new URL(link).search);
  await expect(page.getByText("Ce lien d'invitation n'est plus valable")).toBeVisible();
  await expect(page.getByRole("group", { name: "Quelques questions pour l'équipe d'animation" })).toBeVisible();
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
  await fillAdmissionAnswers(page);
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

test("after 10 failed sign-ins an account is refused for a while, with the time it can try again", async ({
  page,
  request,
}) => {
  const user = await createUser(request);
  for (let i = 0; i < 10; i++) {
    const { csrfToken } = await (await request.get("/api/auth/csrf")).json();
    await request.post("/api/auth/callback/credentials", {
      form: { csrfToken, email: user.email, password: `mauvais ${i}`, callbackUrl: "/" },
      maxRedirects: 0,
    });
  }
  await page.goto("/sign-in");
  await page.getByLabel("Adresse e-mail").fill(user.email);
  // Even the right password is refused until the window has passed.
  await page.getByLabel("Mot de passe").fill(TEST_PASSWORD);
  await page.getByRole("button", { name: "Se connecter" }).click();
  await expect(page.locator("main").getByRole("alert")).toContainText(
    /Trop de tentatives de connexion\. Pour protéger le compte, réessayez à partir de \d{2}:\d{2} \(dans 15 minutes\)/,
  );
  await expect(page.getByLabel("Adresse e-mail")).toHaveValue(user.email);
});
