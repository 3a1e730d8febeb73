import { expect, test } from "./fixtures/test";
import { createUser, signInOverHttp } from "./fixtures/users";

test("a member edits their profile; a refused submit keeps what was typed", async ({ page, member }) => {
  await page.goto("/settings/profile");
  await page.getByLabel("Accroche").fill("Diplômée en économie sociale, je cherche dans l'insertion");
  await page.getByLabel("Présentation").fill("x".repeat(1001));
  await page.getByRole("button", { name: "Enregistrer" }).click();
  await expect(page.getByText("La présentation ne peut pas dépasser 1 000 caractères.")).toBeVisible();
  await expect(page.getByLabel("Accroche")).toHaveValue("Diplômée en économie sociale, je cherche dans l'insertion");

  await page.getByLabel("Présentation").fill("J'aime les projets collectifs et l'alimentation durable.");
  await page.getByRole("button", { name: "Enregistrer" }).click();
  await expect(page.getByText("Profil enregistré.")).toBeVisible();

  await page.goto(`/u/${member.id}`);
  await expect(page.getByText("Diplômée en économie sociale, je cherche dans l'insertion")).toBeVisible();
  await expect(page.getByText("J'aime les projets collectifs et l'alimentation durable.")).toBeVisible();
});

test("profiles are for members: a visitor gets a 404", async ({ page, request }) => {
  const user = await createUser(request);
  const response = await page.goto(`/u/${user.id}`);
  expect(response?.status()).toBe(404);
  await expect(page.getByText(user.name)).toHaveCount(0);
});

test("changing the password ends the other sessions at once", async ({ browser, request }) => {
  const user = await createUser(request);
  const laptop = await browser.newContext();
  const phone = await browser.newContext();
  await signInOverHttp(laptop, user);
  await signInOverHttp(phone, user);
  const phonePage = await phone.newPage();
  await phonePage.goto("/");
  await expect(phonePage.getByRole("heading", { name: `Bonjour ${user.name} !` })).toBeVisible();

  const laptopPage = await laptop.newPage();
  await laptopPage.goto("/settings/profile");
  await laptopPage.getByLabel("Mot de passe actuel").fill(user.password);
  await laptopPage.getByLabel("Nouveau mot de passe").fill("encore une autre phrase");
  await laptopPage.getByRole("button", { name: "Changer le mot de passe" }).click();
  await expect(laptopPage.getByText("Mot de passe changé.")).toBeVisible();

  await phonePage.reload();
  await expect(phonePage.getByRole("link", { name: "Rejoindre la communauté" })).toBeVisible();
  await laptopPage.goto("/");
  await expect(laptopPage.getByRole("heading", { name: `Bonjour ${user.name} !` })).toBeVisible();
  await laptop.close();
  await phone.close();
});

test("the health check reports the embedded database", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({ status: "ok", db: "pglite", live: { adapter: "memory", status: "ok" } });
});
