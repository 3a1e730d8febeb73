import { generate } from "otplib";
import { expect, test } from "./fixtures/test";
import { expectNoSeriousA11yViolations } from "./fixtures/axe";
import { createUser } from "./fixtures/users";

const code = (secret: string, stepOffset = 0) =>
  generate({ secret, epoch: (Math.floor(Date.now() / 30_000) + stepOffset) * 30 });

test("a facilitator must set up two-factor sign-in before moderating, then signs in with a code or a recovery code", async ({
  browser,
  request,
  signIn,
}) => {
  test.setTimeout(120_000);
  const user = await createUser(request, { role: "facilitator", twoFactor: false });
  const { page, context } = await signIn(user);

  // Until it is set up, the account acts as a member and the staff area sends it to the setup.
  await page.goto("/moderation");
  await expect(page).toHaveURL(/\/settings\/securite/);
  await expect(page.getByText("Activez la double authentification pour retrouver vos outils")).toBeVisible();
  await page.getByRole("button", { name: "Activer la double authentification" }).click();
  await expect(page.getByRole("img", { name: /QR code/ })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  const secret = (await page.locator("code").first().innerText()).replace(/\s/g, "");

  await page.getByLabel("Code de vérification").fill("000000");
  await page.getByRole("button", { name: "Confirmer" }).click();
  await expect(page.getByText("Ce code n'est pas valable")).toBeVisible();
  await page.getByLabel("Code de vérification").fill(await code(secret));
  await page.getByRole("button", { name: "Confirmer" }).click();
  const recoveryCodes = page.getByRole("list", { name: "Vos codes de secours" }).getByRole("listitem");
  await expect(recoveryCodes).toHaveCount(10);
  const recovery = await recoveryCodes.first().innerText();
  await page.goto("/moderation");
  await expect(page).toHaveURL(/\/moderation$/);
  await context.close();

  // Signing in now takes the password, then a code; a wrong code is refused and the password kept.
  const fresh = await browser.newPage();
  await fresh.goto("/sign-in");
  await fresh.getByLabel("Adresse e-mail").fill(user.email);
  await fresh.getByLabel("Mot de passe").fill(user.password);
  await fresh.getByRole("button", { name: "Se connecter" }).click();
  await expect(fresh.getByText("Saisissez maintenant le code")).toBeVisible();
  await fresh.getByLabel("Code de vérification").fill("123456");
  await fresh.getByRole("button", { name: "Se connecter" }).click();
  await expect(fresh.getByText("Ce code n'est pas valable")).toBeVisible();
  // The next step's code: the current one was used to confirm (each step is accepted once).
  await fresh.getByLabel("Code de vérification").fill(await code(secret, 1));
  await fresh.getByRole("button", { name: "Se connecter" }).click();
  await expect(fresh.locator("summary", { hasText: "Menu du compte" })).toBeVisible();
  await fresh.context().close();

  // A recovery code replaces the app once, and only once.
  for (const expected of ["signed in", "refused"]) {
    const page = await browser.newPage();
    await page.goto("/sign-in");
    await page.getByLabel("Adresse e-mail").fill(user.email);
    await page.getByLabel("Mot de passe").fill(user.password);
    await page.getByRole("button", { name: "Se connecter" }).click();
    await page.getByLabel("Code de vérification").fill(recovery);
    await page.getByRole("button", { name: "Se connecter" }).click();
    if (expected === "signed in") await expect(page.locator("summary", { hasText: "Menu du compte" })).toBeVisible();
    else await expect(page.getByText("Ce code n'est pas valable")).toBeVisible();
    await page.context().close();
  }
});
