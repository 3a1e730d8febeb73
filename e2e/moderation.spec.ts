import { randomUUID } from "node:crypto";
import { expectNoSeriousA11yViolations } from "./fixtures/axe";
import { facilitatorPage } from "./fixtures/community";
import { createReply, createThread, paragraphDoc } from "./fixtures/forum";
import { expect, test } from "./fixtures/test";
import { lastEmailTo, TEST_PASSWORD } from "./fixtures/users";

test("a member asks to be a pro, a facilitator approves, the badge shows on the pro's earlier replies; members ask them a question", async ({
  browser,
  newSession,
  request,
}) => {
  const suffix = randomUUID().slice(0, 6);
  const asker = await newSession({ name: `Camille ${suffix}` });
  const future = await newSession({ name: `Julien ${suffix}` });
  const thread = await createThread(asker.context.request, { title: `Valoriser un service civique ${suffix}` });
  expect(
    (
      await createReply(future.context.request, thread.id, { text: "Mettez-le en expérience professionnelle." })
    ).status(),
  ).toBe(201);

  await future.page.goto("/pros/request");
  await future.page.getByLabel("Structure").fill(`Coopérative ${suffix}`);
  await future.page.getByLabel("Poste").fill("Responsable RH");
  await future.page.getByLabel("Lien qui le montre").fill("pas un lien");
  await future.page.getByLabel("Domaines d'expertise").fill(`recrutement, insertion-${suffix}`);
  await future.page.getByRole("button", { name: "Envoyer ma demande" }).click();
  await expect(future.page.getByText("Indiquez une adresse web complète")).toBeVisible();
  await expect(future.page.getByLabel("Structure")).toHaveValue(`Coopérative ${suffix}`);
  await future.page.getByLabel("Lien qui le montre").fill("https://example.org/equipe");
  await future.page.getByRole("button", { name: "Envoyer ma demande" }).click();
  await expect(future.page.getByText("Votre demande est en cours d'examen")).toBeVisible();

  const staff = await facilitatorPage(browser, request);
  await staff.page.goto("/moderation/pros");
  const request_ = staff.page.getByRole("article", { name: future.user.name });
  await expect(request_.getByText(`Coopérative ${suffix}`)).toBeVisible();
  await request_.getByLabel("Message à la personne").fill("Bienvenue parmi les pros !");
  await request_.getByRole("button", { name: "Accepter" }).click();
  await expect(staff.page.getByRole("article", { name: future.user.name })).toHaveCount(0);
  await expect.poll(() => lastEmailTo(future.user.email)?.text).toContain("Bienvenue parmi les pros !");

  // The badge is rendered from the account: the reply written before shows it too.
  await asker.page.goto(thread.path);
  await expect(asker.page.locator("#p2").getByText(`Pro de l'ESS · Coopérative ${suffix}`)).toBeVisible();

  // The directory finds them by field of expertise; "Poser une question" starts a question mentioning them.
  await asker.page.goto("/pros");
  await asker.page.getByLabel("Domaine d'expertise").selectOption(`insertion-${suffix}`);
  await asker.page.getByRole("button", { name: "Filtrer" }).click();
  await expect(asker.page.getByRole("heading", { name: future.user.name })).toBeVisible();
  await asker.page.getByRole("link", { name: `Poser une question à ${future.user.name}` }).click();
  await expect(asker.page.getByRole("checkbox", { name: /C'est une question/ })).toBeChecked();
  await expect(asker.page.getByRole("textbox", { name: "Votre message" })).toContainText(future.user.name);
  await asker.page.getByLabel("Titre du fil").fill(`Recruter en insertion ${suffix}`);
  await asker.page.getByRole("textbox", { name: "Votre message" }).click();
  await asker.page.keyboard.press("End");
  await asker.page.keyboard.type("comment se préparer à un entretien ?");
  await asker.page.getByRole("button", { name: "Publier" }).click();
  await expect(asker.page.getByRole("heading", { name: `Recruter en insertion ${suffix}` })).toBeVisible();
  await expect(asker.page.getByText("Question", { exact: true })).toBeVisible();
  await expect(asker.page.locator("#p1 .mention")).toContainText(future.user.name);

  for (const session of [asker, future]) await session.context.close();
  await staff.close();
});

test("a question gets an accepted answer, shown under it, highlighted as a pro's, and leaves the list to answer", async ({
  newSession,
}) => {
  const suffix = randomUUID().slice(0, 6);
  const asker = await newSession({ name: `Yanis ${suffix}` });
  const pro = await newSession({ name: `Pro ${suffix}`, role: "pro" });
  const response = await asker.context.request.post("/api/v1/channels/entraide/threads", {
    data: {
      title: `Alternance en association ${suffix}`,
      body: paragraphDoc("Par où commencer ?"),
      idempotencyKey: randomUUID(),
      isQuestion: true,
    },
  });
  expect(response.status()).toBe(201);
  const question = (await response.json()) as { id: number; path: string };

  // The pro sees it on their home page, then answers.
  await pro.page.goto("/");
  await expect(pro.page.getByRole("heading", { name: "Questions à répondre" })).toBeVisible();
  await pro.page.goto("/questions");
  await expect(pro.page.getByRole("link", { name: `Alternance en association ${suffix}` })).toBeVisible();
  expect(
    (await createReply(pro.context.request, question.id, { text: "Regardez les fédérations d'employeurs." })).status(),
  ).toBe(201);
  expect((await createReply(asker.context.request, question.id, { text: "Merci, je regarde !" })).status()).toBe(201);

  await asker.page.goto(question.path);
  const proReply = asker.page.locator("#p2");
  await expect(proReply.getByText("Réponse d'un·e pro")).toBeVisible();
  await expect(asker.page.locator("#p3").getByText("Réponse d'un·e pro")).toHaveCount(0);
  // Only the asker (or a facilitator) may accept; not on their own opening post.
  await expect(asker.page.locator("#p1").getByRole("button", { name: "Accepter cette réponse" })).toHaveCount(0);
  await proReply.getByRole("button", { name: "Accepter cette réponse" }).click();
  const accepted = asker.page.getByRole("region", { name: "Réponse acceptée" });
  await expect(accepted).toContainText("Regardez les fédérations d'employeurs.");
  await asker.page.reload();
  await expect(asker.page.getByText("Résolue")).toBeVisible();
  // Right under the question: the opening post, then the accepted answer.
  const order = await asker.page
    .locator("article#p1, section[aria-labelledby='accepted-answer-heading']")
    .evaluateAll((nodes) => nodes.map((node) => node.tagName));
  expect(order).toEqual(["ARTICLE", "SECTION"]);

  await pro.page.goto(question.path);
  await expect(pro.page.locator("#p2").getByRole("button", { name: "Accepter cette réponse" })).toHaveCount(0);
  await pro.page.goto("/questions");
  await expect(pro.page.getByRole("link", { name: `Alternance en association ${suffix}` })).toHaveCount(0);
  for (const session of [asker, pro]) await session.context.close();
});

test("a reported post is hidden by a facilitator; its author sees the reason, others only that it was hidden", async ({
  browser,
  newSession,
  request,
}) => {
  const suffix = randomUUID().slice(0, 6);
  const author = await newSession({ name: `Auteur ${suffix}` });
  const reader = await newSession({ name: `Lectrice ${suffix}` });
  const thread = await createThread(author.context.request, {
    channel: "programme",
    title: `Bons plans ${suffix}`,
    body: paragraphDoc(`Achetez ma formation miracle ${suffix}`),
  });

  await reader.page.goto(thread.path);
  await expect(reader.page.locator("#p1").getByRole("button", { name: "Signaler" })).toBeVisible();
  await reader.page.locator("#p1").getByRole("button", { name: "Signaler" }).click();
  const dialog = reader.page.getByRole("dialog", { name: "Signaler ce message" });
  await dialog.getByRole("button", { name: "Envoyer le signalement" }).click();
  await expect(dialog.getByText("Indiquez un motif")).toBeVisible();
  await dialog.getByLabel("Pourquoi ce message pose-t-il problème ?").fill("Démarchage commercial");
  await dialog.getByRole("button", { name: "Envoyer le signalement" }).click();
  await expect(reader.page.getByText("l'équipe d'animation a reçu votre signalement")).toBeVisible();
  // One's own posts cannot be reported.
  await author.page.goto(thread.path);
  await expect(author.page.locator("#p1").getByRole("button", { name: "Signaler" })).toHaveCount(0);

  const staff = await facilitatorPage(browser, request);
  await staff.page.goto("/moderation/reports");
  const report = staff.page.getByRole("article").filter({ hasText: `Achetez ma formation miracle ${suffix}` });
  await expect(report.getByText("Démarchage commercial")).toBeVisible();
  await expect(report.getByText(`Signalé par ${reader.user.name}`)).toBeVisible();
  await report.getByLabel("Motif (visible par l'auteur·ice du message)").fill("Pas de publicité dans la communauté.");
  await report.getByRole("button", { name: "Masquer" }).click();
  await expect(
    staff.page.getByRole("article").filter({ hasText: `Achetez ma formation miracle ${suffix}` }),
  ).toHaveCount(0);

  await reader.page.reload();
  await expect(reader.page.locator("#p1").getByText("Message masqué par la modération.")).toBeVisible();
  await expect(reader.page.getByText(`Achetez ma formation miracle ${suffix}`)).toHaveCount(0);
  await author.page.reload();
  await expect(author.page.locator("#p1").getByText("Motif : Pas de publicité dans la communauté.")).toBeVisible();
  await expect(author.page.getByText(`Achetez ma formation miracle ${suffix}`)).toBeVisible();

  // The log says who did what, to whom and why, filterable by action.
  await staff.page.goto("/moderation/audit");
  await staff.page.getByLabel("Action").selectOption("post.hide");
  await staff.page.getByRole("button", { name: "Filtrer" }).click();
  const entry = staff.page.getByRole("listitem").filter({ hasText: author.user.name }).first();
  await expect(entry).toContainText(`${staff.user.name} a masqué un message de ${author.user.name}`);
  await expect(entry).toContainText("Pas de publicité dans la communauté.");
  // Names, never raw account ids.
  await expect(entry).not.toContainText(author.user.id);
  await expect(entry).not.toContainText(staff.user.id);
  for (const session of [author, reader]) await session.context.close();
  await staff.close();
});

test("a facilitator locks, pins and moves a thread; members see no staff tools and get 404 on staff pages", async ({
  browser,
  newSession,
  request,
}) => {
  const suffix = randomUUID().slice(0, 6);
  const member = await newSession();
  const thread = await createThread(member.context.request, { channel: "programme", title: `À déplacer ${suffix}` });
  await member.page.goto(thread.path);
  await expect(member.page.getByRole("heading", { name: "Outils de modération" })).toHaveCount(0);
  await member.page.locator("summary", { hasText: "Menu du compte" }).click();
  await expect(member.page.getByRole("link", { name: "Modération" })).toHaveCount(0);
  for (const path of ["/moderation", "/moderation/reports", "/moderation/audit", "/moderation/members"]) {
    expect((await member.page.goto(path))?.status(), path).toBe(404);
  }

  const staff = await facilitatorPage(browser, request);
  await staff.page.goto("/");
  // In the header, without opening the account menu.
  await staff.page
    .getByRole("navigation", { name: "Raccourcis" })
    .getByRole("link", { name: /^Modération/ })
    .click();
  await expect(staff.page.getByRole("heading", { name: "Modération", level: 1 })).toBeVisible();

  await staff.page.goto(thread.path);
  await staff.page.getByRole("button", { name: "Verrouiller le fil" }).click();
  await expect(staff.page.getByRole("button", { name: "Déverrouiller le fil" })).toBeVisible();
  await staff.page.getByRole("button", { name: "Épingler" }).click();
  await expect(staff.page.getByRole("button", { name: "Désépingler" })).toBeVisible();
  await staff.page.getByLabel("Déplacer vers le salon").selectOption({ label: "Entraide & questions" });
  await staff.page.getByRole("button", { name: "Déplacer", exact: true }).click();
  await expect(staff.page).toHaveURL(new RegExp(`/c/entraide/${thread.id}-`));

  await member.page.goto(thread.path);
  await expect(member.page).toHaveURL(new RegExp(`/c/entraide/${thread.id}-`));
  await expect(member.page.getByText("Ce fil est verrouillé : il ne reçoit plus de réponses.").first()).toBeVisible();
  const refused = await createReply(member.context.request, thread.id, { text: "Encore une réponse" });
  expect(refused.status()).toBe(403);
  await member.context.close();
  await staff.close();
});

test("a suspended member is signed out at once and cannot sign in again", async ({
  browser,
  newSession,
  request,
  page,
}) => {
  const member = await newSession({ name: `Suspendu ${randomUUID().slice(0, 5)}` });
  await member.page.goto("/");
  await expect(member.page.getByRole("heading", { name: `Bonjour ${member.user.name} !` })).toBeVisible();

  const staff = await facilitatorPage(browser, request);
  await staff.page.goto(`/moderation/members?q=${encodeURIComponent(member.user.email)}`);
  await staff.page.getByText(`Suspendre ${member.user.name}`).click();
  await staff.page.getByLabel("Motif (envoyé à la personne par e-mail)").fill("Messages répétés hors sujet");
  await staff.page.getByRole("button", { name: "Suspendre", exact: true }).click();
  await expect(staff.page.getByText("Suspendu sans date de fin")).toBeVisible();
  await staff.close();

  await member.page.reload();
  await expect(member.page.getByRole("link", { name: "Se connecter" })).toBeVisible();
  await expect(member.page.getByRole("heading", { name: `Bonjour ${member.user.name} !` })).toHaveCount(0);
  // Signed out by the suspension, they are told why, not invited to join or sign in.
  await member.page.goto("/c/entraide");
  await expect(member.page.getByRole("heading", { level: 1 })).toHaveText("Votre compte est suspendu");
  await expect(member.page.getByRole("main").getByRole("link", { name: "Rejoindre la communauté" })).toHaveCount(0);
  await page.goto("/sign-in");
  await page.getByLabel("Adresse e-mail").fill(member.user.email);
  await page.getByLabel("Mot de passe").fill(TEST_PASSWORD);
  await page.getByRole("button", { name: "Se connecter" }).click();
  await expect(page.locator("main").getByRole("alert")).toContainText("Votre compte est suspendu");
  await member.context.close();
});

test.describe("accessibility of the moderation and community pages", () => {
  const staffPages = [
    "/moderation",
    "/moderation/reports",
    "/moderation/admissions",
    "/moderation/pros",
    "/moderation/invitations",
    "/moderation/members",
    "/moderation/channels",
    "/moderation/audit",
    "/moderation/settings",
  ];
  for (const path of staffPages) {
    test(`staff page ${path} has no serious accessibility violation`, async ({ browser, request }) => {
      const staff = await facilitatorPage(browser, request);
      await staff.page.goto(path);
      await expect(staff.page.getByRole("navigation", { name: "Sections de la modération" })).toBeVisible();
      await expectNoSeriousA11yViolations(staff.page);
      await staff.close();
    });
  }

  for (const path of ["/pros", "/pros/request", "/questions"]) {
    test(`member page ${path} has no serious accessibility violation`, async ({ newSession }) => {
      const member = await newSession();
      await member.page.goto(path);
      await expect(member.page.locator("main h1")).toBeVisible();
      await expectNoSeriousA11yViolations(member.page);
      await member.context.close();
    });
  }

  test("a question thread with an accepted answer, seen by a facilitator, has no serious violation", async ({
    browser,
    newSession,
    request,
  }) => {
    const asker = await newSession();
    const response = await asker.context.request.post("/api/v1/channels/entraide/threads", {
      data: {
        title: `Question accessible ${randomUUID().slice(0, 5)}`,
        body: paragraphDoc("Une question ?"),
        idempotencyKey: randomUUID(),
        isQuestion: true,
      },
    });
    const question = (await response.json()) as { id: number; path: string };
    const reply = await (await createReply(asker.context.request, question.id, { text: "Une réponse." })).json();
    const staff = await facilitatorPage(browser, request);
    await staff.page.goto(question.path);
    await staff.page.locator(`#p${reply.post.number}`).getByRole("button", { name: "Accepter cette réponse" }).click();
    await expect(staff.page.getByRole("region", { name: "Réponse acceptée" })).toBeVisible();
    await expectNoSeriousA11yViolations(staff.page);
    await staff.close();
    await asker.context.close();
  });

  test("the waiting page of a pending account has no serious violation", async ({ newSession }) => {
    const { context, page } = await newSession({ status: "pending" });
    await page.goto("/");
    await expect(page).toHaveURL(/\/waiting$/);
    await expect(page.getByRole("heading", { name: "Votre demande d'adhésion est en cours d'examen" })).toBeVisible();
    await expectNoSeriousA11yViolations(page);
    await context.close();
  });
});

test("the report API needs a member, and the 6th report within an hour from a new account gets 429 with when to retry", async ({
  newSession,
  request,
}) => {
  const author = await newSession();
  const reporter = await newSession();
  const threads = [];
  for (let i = 0; i < 6; i++)
    threads.push(
      await createThread(author.context.request, {
        channel: "programme",
        title: `À signaler ${i} ${randomUUID().slice(0, 4)}`,
      }),
    );
  const openingOf = async (threadId: number) =>
    (await (await author.context.request.get(`/api/v1/threads/${threadId}`)).json()).opening.id as number;

  const anonymous = await request.post(`/api/v1/posts/${await openingOf(threads[0]!.id)}/report`, {
    data: { reason: "Spam" },
  });
  expect(anonymous.status()).toBe(401);
  for (let i = 0; i < 5; i++) {
    const response = await reporter.context.request.post(`/api/v1/posts/${await openingOf(threads[i]!.id)}/report`, {
      data: { reason: "Spam" },
    });
    expect(response.status()).toBe(201);
  }
  const limited = await reporter.context.request.post(`/api/v1/posts/${await openingOf(threads[5]!.id)}/report`, {
    data: { reason: "Spam" },
  });
  expect(limited.status()).toBe(429);
  expect(Number(limited.headers()["retry-after"])).toBeGreaterThan(3500);
  expect((await limited.json()).message).toMatch(/Vous pourrez en faire un nouveau à \d{2}:\d{2}, dans 60 minutes/);
  for (const session of [author, reporter]) await session.context.close();
});
