import { randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import { expectNoSeriousA11yViolations } from "./fixtures/axe";
import { facilitatorPage } from "./fixtures/community";
import { createOffer } from "./fixtures/offers";
import { expect, test } from "./fixtures/test";
import { createUser } from "./fixtures/users";

/** Today in Paris, as the date field wants it. */
function parisToday(offsetDays = 0): string {
  const date = new Date(Date.now() + offsetDays * 86_400_000);
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris" }).format(date);
}

test("a member moves an application to Acceptée, declares « J'ai trouvé ! » for the community, and another member sees the celebration appear in Victoires, live", async ({
  signIn,
  request,
}) => {
  test.setTimeout(120_000);
  const organisation = `Coopérative Élan ${randomUUID().slice(0, 6)}`;
  const [pro, member, peer] = await Promise.all([
    createUser(request, { role: "pro" }),
    createUser(request, { name: `Camille ${randomUUID().slice(0, 4)}` }),
    createUser(request),
  ]);
  const { context: proContext } = await signIn(pro);
  const offer = await createOffer(proContext.request, { organisation, contract: "cdi" });
  const { page } = await signIn(member);
  const { page: peerPage } = await signIn(peer);
  await peerPage.goto("/c/victoires");
  await expect(peerPage.getByRole("heading", { level: 1, name: "Victoires" })).toBeVisible();

  await page.goto(offer.path);
  await page.getByRole("button", { name: "Sauvegarder dans mes candidatures" }).click();
  await expect(page.getByRole("link", { name: /Dans mes candidatures/ })).toBeVisible();
  await page.goto("/applications");
  await page.getByLabel("Étape", { exact: true }).selectOption("accepted");
  await page.getByRole("button", { name: "Enregistrer" }).click();
  // Saved: the card moved to "Acceptée", where "J'ai trouvé !" is offered.
  await page.getByRole("link", { name: "J'ai trouvé ! Le déclarer" }).click();
  await expect(page).toHaveURL(/\/jai-trouve\?candidature=\d+/);
  // Pre-filled from the accepted application.
  await expect(page.getByLabel("Structure (facultatif)")).toHaveValue(organisation);
  await expect(page.getByLabel("Ce que j'ai trouvé", { exact: true })).toHaveValue("cdi");

  // A start in the future is refused with a clear message, and the form keeps what was typed.
  await page.getByLabel("Date de début").fill(parisToday(3));
  await page.getByLabel(/Toute la communauté/).check();
  await page.getByRole("button", { name: "Déclarer" }).click();
  await expect(page.getByText(/La date de début ne peut pas être dans le futur/)).toBeVisible();
  await expect(page.getByLabel("Structure (facultatif)")).toHaveValue(organisation);

  await page.getByLabel("Date de début").fill(parisToday());
  await page.getByRole("button", { name: "Déclarer" }).click();
  await expect(page.getByText("Bravo ! Votre victoire est publiée dans « Victoires ».")).toBeVisible();
  const title = `🎉 J'ai trouvé un CDI chez ${organisation} !`;
  // The other member's channel page refreshes by itself.
  await expect(peerPage.getByRole("link", { name: title })).toBeVisible({ timeout: 15_000 });

  // The declaration survives a reload, and a second one for the same period is refused.
  await page.goto("/jai-trouve");
  await expect(page.getByRole("link", { name: "Voir la célébration" })).toBeVisible();
  await page.getByLabel("Ce que j'ai trouvé", { exact: true }).selectOption("cdd_long");
  await page.getByLabel("Date de début").fill(parisToday());
  await page.getByLabel("Oui").check();
  await page.getByLabel(/L'équipe d'animation seulement/).check();
  await page.getByRole("button", { name: "Déclarer" }).click();
  await expect(page.getByText(/Vous avez déjà déclaré quelque chose qui commence le/)).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  // Others congratulate on the celebration like on any thread.
  await peerPage.getByRole("link", { name: title }).click();
  await expect(peerPage.getByRole("heading", { level: 1, name: title })).toBeVisible();
});

test("a facilitator sees the Impact dashboard, downloads a CSV with accents, and a declaration shared with nobody is never named", async ({
  browser,
  request,
  signIn,
}) => {
  test.setTimeout(120_000);
  const shared = await createUser(request, { name: `Léa Équipe ${randomUUID().slice(0, 4)}` });
  const secret = await createUser(request, { name: `Noé Secret ${randomUUID().slice(0, 4)}` });
  for (const [user, sharing, kind] of [
    [shared, "L'équipe d'animation seulement", "alternance"],
    [secret, "Personne", "formation"],
  ] as const) {
    const { page, context } = await signIn(user);
    await page.goto("/jai-trouve");
    await page.getByLabel("Ce que j'ai trouvé", { exact: true }).selectOption(kind);
    await page.getByLabel("Date de début").fill(parisToday());
    await page.getByLabel("Oui").check();
    await page.getByLabel(new RegExp(`^${sharing}`)).check();
    await page.getByRole("button", { name: "Déclarer" }).click();
    await expect(page.getByText("Bravo ! C'est enregistré.")).toBeVisible();
    await context.close();
  }

  const staff = await facilitatorPage(browser, request);
  const page = staff.page;
  await page.goto("/moderation");
  // Exact: the overview also links to the help page "Lire le tableau d'impact".
  await page.getByRole("link", { name: "Impact", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Impact du programme" })).toBeVisible();
  const named = page.getByRole("region", { name: "Sorties partagées avec l'équipe" });
  await expect(named.getByRole("rowheader", { name: shared.name })).toBeVisible();
  await expect(page.getByText(secret.name)).toHaveCount(0);
  await expectNoSeriousA11yViolations(page);

  const downloading = page.waitForEvent("download");
  await named.getByRole("link", { name: "Télécharger (CSV)" }).click();
  const download = await downloading;
  const bytes = await readFile((await download.path())!);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const csv = bytes.toString("utf8");
  expect(csv).toContain(`"${shared.name}";"Alternance"`);
  expect(csv).not.toContain(secret.name);

  // The printable report names nobody; the member list carries only shared outcomes.
  await page.getByRole("link", { name: "Rapport imprimable" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Rapport d'impact" })).toBeVisible();
  await expect(page.getByText(shared.name)).toHaveCount(0);
  await expectNoSeriousA11yViolations(page);
  await page.goBack();
  await page.getByRole("link", { name: "Liste des membres avec contexte" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Membres et contexte" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  await page.goto("/moderation/cohortes");
  await expect(page.getByRole("heading", { level: 1, name: "Cohortes" })).toBeVisible();
  await expect(page.getByText("Promo printemps")).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  // A member reaches neither the dashboard nor its exports.
  const { page: memberPage } = await signIn(shared);
  expect((await memberPage.goto("/moderation/impact"))!.status()).toBe(404);
  expect((await memberPage.request.get("/moderation/impact/export/members")).status()).toBe(404);
  await staff.close();
});

test("an invited alumna answers the six-month survey from her home page; a refused submit keeps her answers; the facilitator's CSV has the BOM, the headers and the accents", async ({
  browser,
  request,
  signIn,
}) => {
  test.setTimeout(120_000);
  // Nora (demo seed) was invited to the six-month survey and reminded, and never answered.
  const { page, context } = await signIn({
    id: "",
    name: "Nora Diallo",
    email: "nora@propulse.demo",
    role: "member",
    password: "propulse-demo",
  });
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Six mois déjà : votre avis compte" })).toBeVisible();
  await page.getByRole("link", { name: "Répondre à l'enquête" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Enquête à six mois" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  // No score: refused, with what was typed and ticked kept.
  await page.getByLabel("Votre situation aujourd'hui").selectOption("searching");
  await page.getByLabel("Les autres membres").check();
  await page.getByLabel("Un commentaire ? (facultatif)").fill("Merci à l'équipe, très utile");
  await page.getByRole("button", { name: "Envoyer mes réponses" }).click();
  await expect(page.getByText("Choisissez une note de 1 à 5.")).toBeVisible();
  await expect(page.getByLabel("Votre situation aujourd'hui")).toHaveValue("searching");
  await expect(page.getByLabel("Les autres membres")).toBeChecked();
  await expect(page.getByLabel("Les check-ins de la semaine")).not.toBeChecked();
  await expect(page.getByLabel("Un commentaire ? (facultatif)")).toHaveValue("Merci à l'équipe, très utile");

  await page.getByLabel("4 — Satisfait·e").check();
  await page.getByRole("button", { name: "Envoyer mes réponses" }).click();
  // The page then says so for good (the toast saying it too lasts five seconds).
  await expect(page.getByRole("status").filter({ hasText: /Vous avez répondu à l'enquête le/ })).toBeVisible();
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Six mois déjà : votre avis compte" })).toHaveCount(0);
  await context.close();

  const staff = await facilitatorPage(browser, request);
  const dashboard = staff.page;
  await dashboard.goto("/moderation/impact");
  const satisfaction = dashboard.getByRole("region", { name: "Satisfaction à six mois" });
  await expect(satisfaction.getByRole("rowheader", { name: "Satisfaits (4 ou 5 sur 5)" })).toBeVisible();
  // Each chart is an image with a text alternative, its table beside it.
  await expect(dashboard.getByRole("img", { name: /Graphique : ce qui a le plus aidé/ })).toBeVisible();
  await expectNoSeriousA11yViolations(dashboard);

  const downloading = dashboard.waitForEvent("download");
  await dashboard.getByRole("link", { name: "Télécharger « Membres » (CSV)" }).click();
  const bytes = await readFile((await (await downloading).path())!);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const csv = bytes.toString("utf8").slice(1);
  expect(csv.split("\r\n")[0]).toBe(
    '"Membre";"E-mail";"Cohorte";"Arrivée";"Dernier check-in";"Dernière activité";"Check-ins sur la période";"Sortie partagée";"Début"',
  );
  expect(csv).toContain('"Maëlle Girard";"maelle@propulse.demo";"Promo printemps"');

  const helps = await dashboard.request.get(
    (await dashboard.getByRole("region", { name: "Ce qui a le plus aidé" }).getByRole("link").getAttribute("href"))!,
  );
  expect(helps.headers()["content-type"]).toBe("text/csv; charset=utf-8");
  const helpsCsv = (await helps.body()).toString("utf8");
  expect(helpsCsv.startsWith('\uFEFF"Ce qui a le plus aidé";"Réponses";"Part des réponses (%)"\r\n')).toBe(true);
  expect(helpsCsv).toContain('"Professionnel·les";1;');
  await staff.close();
});
