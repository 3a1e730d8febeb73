import { randomUUID } from "node:crypto";
import { expectNoSeriousA11yViolations } from "./fixtures/axe";
import { createOffer, dayFromToday, offerPayload } from "./fixtures/offers";
import { expect, test } from "./fixtures/test";
import { createUser } from "./fixtures/users";

test("a pro publishes an offer through the form, then edits, closes and reopens it", async ({ signIn, request }) => {
  const pro = await createUser(request, { role: "pro", name: "Julie Mercier" });
  const { page } = await signIn(pro);
  const title = `Coordinatrice alimentation durable ${randomUUID().slice(0, 5)}`;

  await page.goto("/c/offres");
  await page.getByRole("link", { name: "Publier une offre" }).click();
  await expect(page.getByRole("heading", { name: "Publier une offre d'emploi" })).toBeVisible();
  await page.getByLabel("Intitulé du poste").fill(title);
  await page.getByLabel("Structure qui recrute").fill("Coopérative Bio Loire");
  await page.getByLabel("Famille de l'ESS").selectOption({ label: "Coopérative" });
  await page.getByLabel("Contrat").selectOption({ label: "CDI" });
  await page.getByLabel("Mode de travail").selectOption({ label: "Hybride" });
  await page.getByLabel("Ville").fill("Nantes");
  await page.getByLabel("Département").selectOption({ label: "44 · Loire-Atlantique" });
  await page.getByLabel("Date de début").fill(dayFromToday(40));
  await page.getByLabel("Minimum (€ brut)").fill("28000");
  await page.getByLabel("Maximum (€ brut)").fill("31000");
  await page.getByRole("textbox", { name: "Description du poste" }).click();
  await page.keyboard.type("Animer le réseau des producteurs et des épiceries solidaires.");

  // "Comment postuler" left empty: refused, with the message next to it, and nothing typed is lost.
  await page.getByRole("button", { name: "Publier l'offre" }).click();
  await expect(page.getByText("Indiquez un lien (https://…) ou une adresse e-mail pour postuler.")).toBeVisible();
  await expect(page.getByLabel("Intitulé du poste")).toHaveValue(title);
  await expect(page.getByRole("textbox", { name: "Description du poste" })).toContainText("producteurs");

  await page.getByLabel("Comment postuler").fill("https://bio-loire.example/emplois/12");
  await page.getByRole("button", { name: "Publier l'offre" }).click();
  await expect(page).toHaveURL(/\/c\/offres\/\d+-coordinatrice-alimentation-durable/);
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  const facts = page.getByRole("region", { name: "L'offre en bref" });
  await expect(facts).toContainText("Coopérative Bio Loire · Coopérative");
  await expect(facts).toContainText("Nantes (44) · Loire-Atlantique");
  await expect(facts).toContainText(/28\s000 – 31\s000 € brut par an/);
  await expect(page.getByRole("link", { name: "Postuler" })).toHaveAttribute(
    "href",
    "https://bio-loire.example/emplois/12",
  );
  await expect(page.locator("#p1")).toContainText("Animer le réseau des producteurs");

  await page.getByRole("button", { name: "Marquer comme pourvue" }).click();
  await expect(facts.getByText("Pourvue", { exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: "Postuler" })).toHaveCount(0);
  await page.getByRole("button", { name: "Rouvrir l'offre" }).click();
  await expect(facts.getByText("Pourvue", { exact: true })).toHaveCount(0);

  await page.getByRole("link", { name: "Modifier l'offre" }).click();
  await page.getByLabel("Ville").fill("Saint-Herblain");
  await page.getByRole("button", { name: "Enregistrer les modifications" }).click();
  await expect(page).toHaveURL(/\/c\/offres\/\d+-/);
  await expect(facts).toContainText("Saint-Herblain (44)");
  await page.reload();
  await expect(facts).toContainText("Saint-Herblain (44)");
});

test("a member filters by contract and département, saves an offer and moves it through the tracker", async ({
  signIn,
  request,
}) => {
  const [pro, member] = await Promise.all([
    createUser(request, { role: "pro" }),
    createUser(request, { name: "Inès Morel" }),
  ]);
  const { context: proContext } = await signIn(pro);
  const tag = randomUUID().slice(0, 5);
  const target = await createOffer(proContext.request, {
    title: `Médiatrice numérique ${tag}`,
    contract: "cdd",
    department: "44",
    city: "Nantes",
  });
  const otherContract = await createOffer(proContext.request, {
    title: `Comptable ${tag}`,
    contract: "cdi",
    department: "44",
    city: "Nantes",
  });
  const otherPlace = await createOffer(proContext.request, {
    title: `Animatrice ${tag}`,
    contract: "cdd",
    department: "69",
  });

  const { page } = await signIn(member);
  await page.goto("/c/offres");
  const filters = page.getByRole("search", { name: "Filtrer les offres" });
  await filters.getByLabel("Contrat").selectOption({ label: "CDD" });
  await filters.getByLabel("Département").selectOption({ label: "44 · Loire-Atlantique" });
  await filters.getByRole("button", { name: "Filtrer" }).click();
  await expect(page).toHaveURL(/\/c\/offres\?contract=cdd&department=44$/);
  // The filtered address is shareable: reloading it gives the same view.
  await page.reload();
  await expect(page.getByRole("link", { name: target.title })).toBeVisible();
  await expect(page.getByRole("link", { name: otherContract.title })).toHaveCount(0);
  await expect(page.getByRole("link", { name: otherPlace.title })).toHaveCount(0);
  await expect(filters.getByLabel("Contrat")).toHaveValue("cdd");

  await page.getByRole("link", { name: target.title }).click();
  await page.getByRole("button", { name: "Sauvegarder dans mes candidatures" }).click();
  await expect(page.getByRole("link", { name: "Dans mes candidatures : À postuler" })).toBeVisible();

  await page.goto("/applications");
  const entry = page.getByRole("article", { name: target.title });
  const step = entry.locator("p").filter({ hasText: "Étape actuelle" });
  await expect(step).toHaveText("Étape actuelle :À postuler");
  await entry.getByLabel("Étape", { exact: true }).selectOption({ label: "Postulé" });
  await entry.getByRole("button", { name: "Enregistrer" }).click();
  await expect(step).toHaveText("Étape actuelle :Postulé");
  await expect(entry.getByLabel("Date de candidature")).toHaveValue(/^\d{4}-\d{2}-\d{2}$/);

  await entry.getByLabel("Étape", { exact: true }).selectOption({ label: "Entretien" });
  await entry.getByLabel("Date d'entretien").fill(dayFromToday(7));
  await entry.getByLabel("Note personnelle").fill("Entretien avec la directrice, préparer le pitch.");
  await entry.getByRole("button", { name: "Enregistrer" }).click();
  await expect(step).toHaveText("Étape actuelle :Entretien");
  await page.reload();
  await expect(entry.getByLabel("Étape", { exact: true })).toHaveValue("interview");
  await expect(entry.getByLabel("Date d'entretien")).toHaveValue(dayFromToday(7));
  await expect(entry.getByLabel("Note personnelle")).toHaveValue("Entretien avec la directrice, préparer le pitch.");

  await entry.getByLabel("Étape", { exact: true }).selectOption({ label: "Acceptée" });
  await entry.getByRole("button", { name: "Enregistrer" }).click();
  await expect(step).toHaveText("Étape actuelle :Acceptée");
  await expect(entry.getByLabel("Date de réponse")).toHaveValue(/^\d{4}-\d{2}-\d{2}$/);
});

test("an anonymous visitor reads an offer, its metadata, JSON-LD and the feeds", async ({
  browser,
  signIn,
  request,
}) => {
  const pro = await createUser(request, { role: "pro" });
  const { context: proContext } = await signIn(pro);
  // A hostile title: the JSON-LD script must not be closed by it.
  const title = `Médiation </script><script>window.pwned=1</script> ${randomUUID().slice(0, 5)}`;
  const offer = await createOffer(proContext.request, {
    title,
    department: "2B",
    city: "Bastia",
    organisation: "Régie de quartier de Bastia",
  });

  const visitor = await browser.newContext();
  const page = await visitor.newPage();
  await page.goto("/c/offres?department=2B");
  await expect(page.locator('link[rel="alternate"][type="application/atom+xml"]')).toHaveAttribute(
    "href",
    /\/feeds\/offres\.xml\?department=2B$/,
  );
  await expect(page.locator('link[rel="alternate"][type="application/feed+json"]')).toHaveAttribute(
    "href",
    /\/feeds\/offres\.json\?department=2B$/,
  );
  await page.getByRole("link", { name: title }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page.getByRole("region", { name: "L'offre en bref" })).toContainText("Régie de quartier de Bastia");
  await expect(page.locator("#p1")).toContainText("Accompagner les salarié·es");
  await expect(page.getByRole("link", { name: /Postuler par e-mail/ })).toHaveAttribute(
    "href",
    "mailto:recrutement@ateliers.example",
  );
  await expect(page.getByRole("button", { name: "Sauvegarder dans mes candidatures" })).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();

  await expect(page.locator('meta[property="og:title"]')).toHaveAttribute(
    "content",
    `${title} · Régie de quartier de Bastia`,
  );
  await expect(page.locator('meta[property="og:description"]')).toHaveAttribute(
    "content",
    "Régie de quartier de Bastia · CDI · Bastia (2B) · Hybride",
  );
  await expect(page.locator('meta[name="twitter:card"]')).toHaveAttribute("content", "summary");
  const jsonLd = await page.locator('script[type="application/ld+json"]').textContent();
  expect(jsonLd).not.toContain("<");
  const posting = JSON.parse(jsonLd!);
  expect(posting).toMatchObject({
    "@type": "JobPosting",
    title,
    hiringOrganization: { name: "Régie de quartier de Bastia" },
    employmentType: "FULL_TIME",
  });

  // Feeds of the same filtered view: well-formed for the browser's own XML parser, and JSON Feed.
  const atom = await visitor.request.get("/feeds/offres.xml?department=2B");
  expect(atom.headers()["content-type"]).toContain("application/atom+xml");
  const xml = await atom.text();
  const parsed = await page.evaluate((source) => {
    const doc = new DOMParser().parseFromString(source, "application/xml");
    return {
      errors: doc.getElementsByTagName("parsererror").length,
      titles: [...doc.getElementsByTagName("entry")].map(
        (entry) => entry.getElementsByTagName("title")[0]?.textContent,
      ),
    };
  }, xml);
  expect(parsed.errors).toBe(0);
  expect(parsed.titles).toContain(`${title} · Régie de quartier de Bastia`);
  const feed = await (await visitor.request.get("/feeds/offres.json?department=2B")).json();
  expect(feed.version).toBe("https://jsonfeed.org/version/1.1");
  expect(feed.items.map((item: { url: string }) => item.url)).toContain(offer.url);
});

test("an offer past its deadline leaves the default list and keeps an Expirée badge", async ({
  browser,
  signIn,
  request,
}) => {
  const pro = await createUser(request, { role: "pro" });
  const { context: proContext } = await signIn(pro);
  const tag = randomUUID().slice(0, 5);
  const current = await createOffer(proContext.request, {
    title: `Offre en cours ${tag}`,
    department: "2A",
    contract: "cdd",
    essFamily: "association",
  });
  const expiring = await createOffer(proContext.request, {
    title: `Offre échue ${tag}`,
    department: "2A",
    contract: "cdd",
    essFamily: "association",
  });
  // The author moves the deadline to yesterday (an edit may keep a passed date).
  const moved = await proContext.request.put(`/api/v1/job-offers/${expiring.id}`, {
    data: offerPayload({
      title: expiring.title,
      department: "2A",
      contract: "cdd",
      essFamily: "association",
      deadline: dayFromToday(-2),
    }),
  });
  expect(moved.status()).toBe(200);

  const page = await (await browser.newContext()).newPage();
  await page.goto("/c/offres?contract=cdd&department=2A");
  await expect(page.getByRole("link", { name: current.title })).toBeVisible();
  await expect(page.getByRole("link", { name: expiring.title })).toHaveCount(0);
  // The seeded demo offers that expired are not listed either.
  await page.goto("/c/offres?contract=cdd&department=69&family=association");
  await expect(page.getByRole("link", { name: "Animateur·rice socioculturel·le" })).toHaveCount(0);

  await page.goto(expiring.path);
  await expect(
    page.getByRole("region", { name: "L'offre en bref" }).getByText("Expirée", { exact: true }),
  ).toBeVisible();
  await expect(page.getByText(/Cette offre a expiré le/)).toBeVisible();
  const api = await (await request.get("/api/v1/job-offers?department=2A")).json();
  expect(api.items.map((item: { id: number }) => item.id)).toEqual(expect.arrayContaining([current.id]));
  expect(api.items.map((item: { id: number }) => item.id)).not.toContain(expiring.id);
});

test("offers pages pass the axe scan for a member", async ({ signIn, request }) => {
  const [pro, member] = await Promise.all([createUser(request, { role: "pro" }), createUser(request)]);
  const { context: proContext } = await signIn(pro);
  const offer = await createOffer(proContext.request, { salaryMin: 26000, salaryMax: 29000 });
  const { page } = await signIn(member);
  for (const path of ["/c/offres", "/c/offres?contract=cdi&open=1", offer.path]) {
    await page.goto(path);
    await expectNoSeriousA11yViolations(page);
  }
  await page.getByRole("button", { name: "Sauvegarder dans mes candidatures" }).click();
  await expect(page.getByRole("link", { name: /Dans mes candidatures/ })).toBeVisible();
  await page.goto("/applications");
  await expect(page.getByRole("article")).toHaveCount(1);
  await expectNoSeriousA11yViolations(page);
});

// Eight scans in one test ran close to the 60 s limit on a busy 2-core machine: the pro's pages are a test of their own.
test("offers pages pass the axe scan for the pro who publishes", async ({ signIn, request }) => {
  const pro = await createUser(request, { role: "pro" });
  const { context: proContext, page: proPage } = await signIn(pro);
  const offer = await createOffer(proContext.request, { salaryMin: 26000, salaryMax: 29000 });
  for (const path of ["/c/offres/new", offer.path, `${offer.path}/edit`, "/settings/api-tokens"]) {
    await proPage.goto(path);
    await expect(proPage.locator("main")).toBeVisible();
    await expectNoSeriousA11yViolations(proPage);
  }
});

test("an outsider can neither read someone's tracker entry nor change someone's offer", async ({ signIn, request }) => {
  const [pro, alice, bob] = await Promise.all([
    createUser(request, { role: "pro" }),
    createUser(request),
    createUser(request),
  ]);
  const { context: proContext } = await signIn(pro);
  const offer = await createOffer(proContext.request);
  const { context: aliceContext, page: alicePage } = await signIn(alice);
  await alicePage.goto(offer.path);
  await alicePage.getByRole("button", { name: "Sauvegarder dans mes candidatures" }).click();
  await expect(alicePage.getByRole("link", { name: "Dans mes candidatures : À postuler" })).toBeVisible();
  await alicePage.goto("/applications");
  const applicationId = await alicePage.locator('input[name="id"]').first().inputValue();
  const mine = await aliceContext.request.patch(`/api/v1/applications/${applicationId}`, {
    data: { status: "applied", note: "Ma note privée" },
  });
  expect(mine.status()).toBe(200);

  const { context: bobContext, page: bobPage } = await signIn(bob);
  expect((await bobContext.request.get(`/api/v1/applications/${applicationId}`)).status()).toBe(404);
  expect(
    (
      await bobContext.request.patch(`/api/v1/applications/${applicationId}`, {
        data: { status: "rejected", note: "" },
      })
    ).status(),
  ).toBe(404);
  expect((await request.get(`/api/v1/applications/${applicationId}`)).status()).toBe(401);
  const entry = await (await aliceContext.request.get(`/api/v1/applications/${applicationId}`)).json();
  expect(entry).toMatchObject({ status: "applied", note: "Ma note privée" });

  const before = await (await request.get(`/api/v1/job-offers/${offer.id}`)).json();
  const editPage = await bobPage.goto(`${offer.path}/edit`);
  expect(editPage?.status()).toBe(404);
  expect(
    (
      await bobContext.request.put(`/api/v1/job-offers/${offer.id}`, {
        data: offerPayload({ title: "Offre détournée" }),
      })
    ).status(),
  ).toBe(404);
  expect(
    (await bobContext.request.patch(`/api/v1/job-offers/${offer.id}`, { data: { status: "filled" } })).status(),
  ).toBe(404);
  expect(
    (await request.put(`/api/v1/job-offers/${offer.id}`, { data: offerPayload({ title: "Offre anonyme" }) })).status(),
  ).toBe(401);
  await bobPage.goto(offer.path);
  await expect(bobPage.getByRole("link", { name: "Modifier l'offre" })).toHaveCount(0);
  expect(await (await request.get(`/api/v1/job-offers/${offer.id}`)).json()).toEqual(before);
});
