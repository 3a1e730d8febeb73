import AxeBuilder from "@axe-core/playwright";
import { createOffer } from "./fixtures/offers";
import { expect, test } from "./fixtures/test";

// Issue 22 items 12 and 13: the application tracker as a pipeline, and small wrong things.

test.describe.configure({ timeout: 120_000 });

test("the tracker is a pipeline: one tap moves an application, one toast offers to undo, dates are checked", async ({
  memberPage: page,
  newSession,
}) => {
  // Employer offers come from verified pros (members share offers found elsewhere).
  const pro = await newSession({ role: "pro" });
  const offer = await createOffer(pro.context.request);
  await page.goto(offer.path);
  await page.getByRole("button", { name: "Sauvegarder dans mes candidatures" }).click();
  await page.goto("/applications");
  await expect(page.getByRole("heading", { level: 2, name: "À postuler (1)" })).toBeVisible();

  const card = page.getByRole("article", { name: offer.title });
  await card.getByRole("group", { name: "Changer d'étape" }).getByRole("button", { name: "Entretien" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Entretien (1)" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "À postuler (1)" })).toHaveCount(0);
  const toast = page.getByRole("status").filter({ hasText: "Candidature déplacée vers « Entretien »." });
  await expect(toast).toHaveCount(1);

  await toast.getByRole("button", { name: "Annuler" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "À postuler (1)" })).toBeVisible();
  await expect(page.getByText("Changement annulé.")).toBeVisible();
  // One toast at a time, never a stack.
  await expect(page.getByRole("status").filter({ hasText: /Candidature|Changement/ })).toHaveCount(1);

  // A reply before the application is refused, with a message that says why.
  await card.getByLabel("Date de candidature").fill("2026-11-10");
  await card.getByLabel("Date de réponse").fill("2026-11-01");
  await card.getByRole("button", { name: "Enregistrer" }).click();
  await expect(card.getByText("La date de réponse est antérieure à la date de candidature")).toBeVisible();

  // Hired: "J'ai trouvé !" is offered right there.
  await card.getByRole("group", { name: "Changer d'étape" }).getByRole("button", { name: "Acceptée" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Acceptée (1)" })).toBeVisible();
  await expect(page.getByRole("link", { name: "J'ai trouvé ! Le déclarer" })).toHaveAttribute(
    "href",
    /\/jai-trouve\?candidature=\d+/,
  );
});

test("the visitor home says who can join, that admission is reviewed, and that Animafac runs it", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByText(/pros de l'ESS qui les accompagnent/)).toBeVisible();
  await expect(page.getByText(/relue par l'équipe d'animation/)).toBeVisible();
  await expect(page.getByText(/animés par Animafac/)).toBeVisible();
});

test("channel pages keep their headings in order (CV, entraide, pitch, programme)", async ({ memberPage: page }) => {
  for (const slug of ["cv", "entraide", "pitch", "programme"]) {
    await page.goto(`/c/${slug}`);
    const results = await new AxeBuilder({ page }).withRules(["heading-order"]).analyze();
    expect(
      results.violations.map((violation) => violation.id),
      `/c/${slug}`,
    ).toEqual([]);
  }
});
