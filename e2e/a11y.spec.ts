import { expectNoSeriousA11yViolations } from "./fixtures/axe";
import { expect, test } from "./fixtures/test";
import { createUser, signInOverHttp } from "./fixtures/users";

const publicPages = [
  "/",
  "/sign-in",
  "/sign-up",
  "/forgot-password",
  "/reset-password?token=x",
  "/c/offres",
  "/page-inconnue",
];
const memberPages = ["/", "/c/entraide", "/settings/profile"];

for (const path of publicPages) {
  test(`visitor page ${path} has no serious accessibility violation`, async ({ page }) => {
    await page.goto(path);
    await expect(page.locator("main")).toBeVisible();
    await expectNoSeriousA11yViolations(page);
  });
}

test.describe("signed-in pages", () => {
  for (const path of memberPages) {
    test(`member page ${path} has no serious accessibility violation`, async ({ memberPage: page }) => {
      await page.goto(path);
      await expect(page.getByText("Menu du compte")).toBeAttached();
      await expectNoSeriousA11yViolations(page);
    });
  }

  test("profile page has no serious accessibility violation", async ({ page, context, request }) => {
    const user = await createUser(request, { role: "pro" });
    await signInOverHttp(context, user);
    await page.goto(`/u/${user.id}`);
    await expect(page.getByRole("heading", { name: user.name })).toBeVisible();
    await expectNoSeriousA11yViolations(page);
  });
});
