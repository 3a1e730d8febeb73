import { expect, test } from "@playwright/test";
import { offerPayload } from "./fixtures/offers";
import { createUser, signInOverHttp } from "./fixtures/users";

test("a pro creates an API token, a partner publishes with it, and revoking it stops it", async ({
  browser,
  request,
}) => {
  const pro = await createUser(request, { role: "pro", name: "Karim Benoît" });
  const context = await browser.newContext();
  await signInOverHttp(context, pro);
  const page = await context.newPage();

  await page.goto("/settings/api-tokens");
  await page.getByLabel("Nom du jeton").fill("Site de la coopérative");
  await page.getByRole("button", { name: "Créer un jeton" }).click();
  const shown = page.getByLabel("Nouveau jeton · Site de la coopérative");
  await expect(shown).toHaveValue(/^ppo_[A-Za-z0-9_-]{43}$/);
  const token = await shown.inputValue();
  // Shown once: a reload lists the token by its prefix only.
  await page.reload();
  await expect(page.getByText(token)).toHaveCount(0);
  await expect(page.getByText(`${token.slice(0, 10)}…`)).toBeVisible();

  // The partner's server has no cookie, only the token (`request` is a fresh context).
  const auth = { Authorization: `Bearer ${token}` };
  const payload = offerPayload({
    title: "Chargée d'accueil publiée par API",
    description: "Accueil du public et orientation.",
  });
  const created = await request.post("/api/v1/job-offers", { headers: auth, data: payload });
  expect(created.status()).toBe(201);
  const { id, url, path } = await created.json();
  expect(url).toMatch(new RegExp(`${path}$`));
  const read = await (await request.get(`/api/v1/job-offers/${id}`)).json();
  expect(read).toMatchObject({
    title: payload.title,
    status: "open",
    publishedBy: { name: "Karim Benoît", role: "pro" },
  });
  expect(read.descriptionHtml).toBe("<p>Accueil du public et orientation.</p>");
  const listed = await (await request.get("/api/v1/job-offers?contract=cdi&department=69&limit=50")).json();
  expect(listed.items.map((item: { id: number }) => item.id)).toContain(id);

  // Invalid payload: 400 with French messages per field.
  const invalid = await request.post("/api/v1/job-offers", {
    headers: auth,
    data: { ...payload, contract: "interim", department: "99", howToApply: "javascript:alert(1)" },
  });
  expect(invalid.status()).toBe(400);
  const { fields } = await invalid.json();
  expect(fields.contract).toEqual(["Choisissez un type de contrat dans la liste."]);
  expect(fields.department).toEqual(["Choisissez un département (par ex. 69, 2A ou 974)."]);
  expect(fields.howToApply).toEqual(["Indiquez un lien (https://…) ou une adresse e-mail pour postuler."]);

  // Wrong tokens: 401, whatever the payload.
  for (const header of [`Bearer ${token}x`, "Bearer ppo_not-a-real-token-at-all", "Basic abc"]) {
    const refused = await request.post("/api/v1/job-offers", {
      headers: { Authorization: header },
      data: header.startsWith("Basic") ? {} : payload,
    });
    expect(refused.status(), header).toBe(401);
  }

  await page.getByRole("button", { name: "Révoquer le jeton Site de la coopérative" }).click();
  await expect(page.getByText("Révoqué", { exact: true })).toBeVisible();
  const afterRevoke = await request.post("/api/v1/job-offers", { headers: auth, data: payload });
  expect(afterRevoke.status()).toBe(401);
  expect((await afterRevoke.json()).message).toBe("Jeton d'API invalide ou révoqué.");
});

test("a member cannot publish as an employer, but can share an offer with its source", async ({ browser, request }) => {
  const member = await createUser(request);
  const context = await browser.newContext();
  await signInOverHttp(context, member);
  const asEmployer = await context.request.post("/api/v1/job-offers", { data: offerPayload() });
  expect(asEmployer.status()).toBe(403);
  const withoutSource = await context.request.post("/api/v1/job-offers", { data: offerPayload({ origin: "shared" }) });
  expect(withoutSource.status()).toBe(400);
  expect((await withoutSource.json()).fields.sourceUrl).toEqual([
    "Une offre partagée doit indiquer le lien vers l'annonce d'origine.",
  ]);
  const shared = await context.request.post("/api/v1/job-offers", {
    data: offerPayload({ origin: "shared", sourceUrl: "https://www.jobs-ess.example/offres/77" }),
  });
  expect(shared.status()).toBe(201);

  // Members have no token page (404), and the form shares rather than publishes.
  const page = await context.newPage();
  expect((await page.goto("/settings/api-tokens"))?.status()).toBe(404);
  await page.goto((await shared.json()).path);
  await expect(page.getByText("Partagée par un membre", { exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: "Annonce d'origine" })).toHaveAttribute(
    "href",
    "https://www.jobs-ess.example/offres/77",
  );
  await page.goto("/c/offres");
  await page.getByRole("link", { name: "Partager une offre" }).click();
  await expect(page.getByRole("heading", { name: "Partager une offre trouvée ailleurs" })).toBeVisible();
  await expect(page.getByLabel("Lien vers l'annonce d'origine")).toBeVisible();
});

test("an anonymous write is refused as unauthenticated before its body is read, whatever it holds", async ({
  request,
}) => {
  for (const [path, data] of [
    ["/api/v1/job-offers", { title: "" }],
    ["/api/v1/channels/entraide/threads", "not even json"],
    ["/api/notifications/read", { all: true }],
  ] as const) {
    const response = await request.post(path, { data });
    expect(response.status(), path).toBe(401);
  }
});
