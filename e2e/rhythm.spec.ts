import { randomUUID } from "node:crypto";
import type { Page } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "./fixtures/axe";
import { facilitatorPage, fillAdmissionAnswers } from "./fixtures/community";
import { expect, test } from "./fixtures/test";
import { lastEmailTo, linkIn, signInOverHttp, TEST_PASSWORD, uniqueEmail } from "./fixtures/users";

/** The week's check-in from the form, as a member does it on a phone. */
async function checkIn(page: Page, goal: string) {
  await page.goto("/cafe");
  await page.getByLabel("Objectif 1").fill(goal);
  await page.getByLabel("Une bonne nouvelle de la semaine").fill("Un entretien vendredi !");
  await page.getByRole("button", { name: "Publier mon check-in" }).click();
  await expect(page.getByText("C'est fait pour cette semaine")).toBeVisible();
}

test("on a phone, a member checks in, finds it in the week's thread and in their history, and another member replies", async ({
  memberPage: page,
  newSession,
}) => {
  await page.setViewportSize({ width: 360, height: 780 });
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 2, name: "Café Pote Emploi" })).toBeVisible();
  await page.getByRole("link", { name: "Faire mon check-in (1 min)" }).click();
  await expect(page).toHaveURL(/\/cafe$/);
  // A refused submit (no goal) keeps what was typed and says why beside the field.
  await page.getByLabel("Une bonne nouvelle de la semaine").fill("Mon CV est prêt");
  await page.getByRole("button", { name: "Publier mon check-in" }).click();
  await expect(page.getByText("Indiquez au moins un objectif pour la semaine.")).toBeVisible();
  await expect(page.getByLabel("Une bonne nouvelle de la semaine")).toHaveValue("Mon CV est prêt");

  const goal = `Envoyer deux candidatures ${randomUUID().slice(0, 6)}`;
  await page.getByLabel("Objectif 1").fill(goal);
  await page.getByRole("button", { name: "Publier mon check-in" }).click();
  await expect(page.getByText("C'est fait pour cette semaine")).toBeVisible();
  await expect(page.getByRole("region", { name: "Mes semaines" }).getByText(goal)).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  // The history links to the check-in's post in the week's thread.
  const postLink = page.getByRole("link", { name: "Voir dans le fil de la semaine" }).first();
  const href = (await postLink.getAttribute("href"))!;
  const number = /#p(\d+)$/.exec(href)![1];
  await postLink.click();
  await expect(page.getByRole("heading", { level: 1, name: /Café Pote Emploi — semaine du/ })).toBeVisible();
  await expect(page.locator(`#p${number}`)).toContainText(goal);
  await expect(page.locator(`#p${number}`)).toContainText("Mon CV est prêt");

  const peer = await newSession({ name: "Sacha Encourage" });
  await peer.page.goto(href);
  await peer.page.locator(`#p${number}`).getByRole("button", { name: "Répondre" }).click();
  await peer.page.getByRole("textbox", { name: /^Réponse à / }).pressSequentially("Bravo, on croise les doigts !");
  await peer.page.locator(`#p${number}`).getByRole("button", { name: "Répondre", exact: true }).last().click();
  await expect(page.getByText("Bravo, on croise les doigts !")).toBeVisible();

  // Done for the week: the home page says so, and a reload keeps it.
  await page.goto("/");
  await expect(page.getByText("Check-in fait cette semaine ✔")).toBeVisible();
});

test("a member proposes an activity, a facilitator publishes it, two members answer for the last place at once: one gets it, the other waits and is promoted", async ({
  memberPage: host,
  browser,
  request,
  newSession,
}) => {
  // Five accounts in five browser contexts.
  test.setTimeout(120_000);
  const title = `Atelier pitch ${randomUUID().slice(0, 6)}`;
  await host.goto("/activites/nouvelle");
  await host.getByLabel("Titre").fill(title);
  await host.getByLabel("Type d'activité").selectOption("atelier");
  await host.getByLabel("Début").fill("2030-03-14T18:00");
  await host.getByLabel("Fin").fill("2030-03-14T17:00");
  await host.getByLabel("Lieu", { exact: true }).fill("Maison de l'ESS, Lyon");
  await host.getByLabel("Nombre de places").fill("2");
  await host.getByRole("button", { name: "Envoyer ma proposition" }).click();
  // A refused submit says what is wrong and keeps the form.
  await expect(host.getByText("La fin doit être après le début.")).toBeVisible();
  await expect(host.getByLabel("Titre")).toHaveValue(title);
  await host.getByLabel("Fin").fill("2030-03-14T20:00");
  await host.getByRole("button", { name: "Envoyer ma proposition" }).click();
  await expect(host.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(host.getByText("En attente de validation")).toBeVisible();
  // Paris time: 18:00 in March is before the daylight-saving change.
  await expect(host.getByText("jeudi 14 mars à 18:00 – 20:00")).toBeVisible();
  const path = new URL(host.url()).pathname;

  // Not published yet: other members do not see it.
  const first = await newSession({ name: "Ada Premiere" });
  expect((await first.page.goto(path))?.status()).toBe(404);

  const staff = await facilitatorPage(browser, request);
  await staff.page.goto(path);
  await staff.page.getByRole("button", { name: "Publier l'activité" }).click();
  // Published: the page now offers the answers and no longer says it waits.
  await expect(staff.page.getByRole("group", { name: "Votre réponse" })).toBeVisible();
  await expect(staff.page.getByText("En attente de validation")).toHaveCount(0);
  await staff.close();

  await first.page.goto(path);
  await first.page.getByRole("button", { name: "Je viens" }).click();
  await expect(first.page.getByText("Vous êtes inscrit·e !")).toBeVisible();

  const [bea, chris] = await Promise.all([newSession({ name: "Béa Second" }), newSession({ name: "Chris Second" })]);
  await Promise.all([bea.page.goto(path), chris.page.goto(path)]);
  await Promise.all([
    bea.page.getByRole("button", { name: "Je viens" }).click(),
    chris.page.getByRole("button", { name: "Je viens" }).click(),
  ]);
  await Promise.all([
    expect(bea.page.getByText(/Vous êtes inscrit·e !|vous êtes sur la liste d'attente/)).toBeVisible(),
    expect(chris.page.getByText(/Vous êtes inscrit·e !|vous êtes sur la liste d'attente/)).toBeVisible(),
  ]);
  await Promise.all([bea.page.reload(), chris.page.reload()]);
  const beaWaits = await bea.page.getByText("Vous êtes n° 1 sur la liste d'attente").isVisible();
  const chrisWaits = await chris.page.getByText("Vous êtes n° 1 sur la liste d'attente").isVisible();
  expect([beaWaits, chrisWaits].filter(Boolean)).toHaveLength(1);
  await expect(bea.page.getByRole("heading", { name: "2 participant·es" })).toBeVisible();
  const waiter = beaWaits ? bea : chris;

  // The first member gives their place back: the waiting member gets it and is told.
  await first.page.getByRole("button", { name: "Je ne viens pas" }).click();
  await expect(first.page.getByText("Réponse enregistrée")).toBeVisible();
  await waiter.page.reload();
  await expect(waiter.page.getByText("sur la liste d'attente")).toHaveCount(0);
  await expect(waiter.page.getByRole("button", { name: "Je viens" })).toHaveAttribute("aria-pressed", "true");
  await waiter.page.goto("/notifications");
  await expect(waiter.page.getByText(`Une place s'est libérée : vous participez à « ${title} »`)).toBeVisible();

  // The calendar file of a participant has the visit's time in UTC (17:00Z = 18:00 in Paris in March).
  const ics = await waiter.context.request.get(`${path}/ics`);
  expect(ics.headers()["content-type"]).toContain("text/calendar");
  expect(await ics.text()).toContain("DTSTART:20300314T170000Z");
  await waiter.page.goto(path);
  await expectNoSeriousA11yViolations(waiter.page);
});

test("a newcomer admitted with a welcome message sees the checklist, and its steps tick as they are done", async ({
  page,
  browser,
  request,
}) => {
  // Sign-up, confirmation, admission, then three steps: longer than one page's test.
  test.setTimeout(120_000);
  const email = uniqueEmail("arrivee");
  await page.goto("/sign-up");
  await page.getByLabel("Prénom et nom").fill("Noé Arrivant");
  await page.getByLabel("Adresse e-mail").fill(email);
  await page.getByLabel("Mot de passe").fill(TEST_PASSWORD);
  await fillAdmissionAnswers(page);
  await page.getByRole("button", { name: "Créer mon compte" }).click();
  await expect.poll(() => lastEmailTo(email)?.subject).toContain("Confirmez votre adresse");
  await page.goto(linkIn(lastEmailTo(email)!.text));

  const staff = await facilitatorPage(browser, request);
  await staff.page.goto("/moderation/admissions");
  const application = staff.page.getByRole("article", { name: "Noé Arrivant" });
  await application.getByLabel("Message à la personne").fill("Bienvenue Noé ! Rendez-vous jeudi au café emploi.");
  await application.getByRole("button", { name: "Accepter" }).click();
  await expect(application).toHaveCount(0);
  await staff.close();

  const context = await browser.newContext();
  await signInOverHttp(context, { email, password: TEST_PASSWORD });
  const newcomer = await context.newPage();
  await newcomer.goto("/");
  const checklist = newcomer.getByRole("region", { name: "Bienvenue ! Vos premiers pas" });
  await expect(checklist).toBeVisible();
  await expect(checklist.getByText("Bienvenue Noé ! Rendez-vous jeudi au café emploi.")).toBeVisible();
  await expect(checklist.getByText("0 sur 5 étapes faites")).toBeVisible();
  await expectNoSeriousA11yViolations(newcomer);

  await checklist.getByRole("link", { name: "Compléter mon profil" }).click();
  await newcomer.getByLabel("Accroche").fill("Master ESS, curieux de tout");
  await newcomer.getByLabel("Le poste que je cherche").fill("Chargé de mission insertion");
  await newcomer.getByLabel("Où").fill("Grenoble");
  await newcomer.getByRole("button", { name: "Enregistrer" }).click();
  await expect(newcomer.getByText("Profil enregistré")).toBeVisible();

  await checkIn(newcomer, "Lire les offres de la semaine");
  await newcomer.goto("/");
  await expect(checklist.getByText("2 sur 5 étapes faites")).toBeVisible();
  await expect(checklist.getByText("Compléter mon profil")).toHaveClass(/line-through/);
  await expect(checklist.getByText("Faire mon premier check-in")).toHaveClass(/line-through/);
  await expect(checklist.getByRole("link", { name: "Me présenter à la communauté" })).toBeVisible();
  await context.close();
});
