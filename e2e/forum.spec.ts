import { randomUUID } from "node:crypto";
import type { Page } from "@playwright/test";
import { createReply, createThread, paragraphDoc } from "./fixtures/forum";
import { expect, test } from "./fixtures/test";
import { createUser, signInOverHttp } from "./fixtures/users";

async function typeInEditor(page: Page, name: string, type: (page: Page) => Promise<void>) {
  await page.getByRole("textbox", { name }).click();
  await type(page);
}

test("a thread with rich text, nested replies, an edit and a reaction survives a reload", async ({
  browser,
  request,
}) => {
  // Two accounts, rich-text typing key by key, three replies, an edit and three reloads: about
  // 40 s on a quiet machine, over 60 s on the PostgreSQL project under CI load.
  test.setTimeout(120_000);
  const [alice, bruno] = await Promise.all([
    createUser(request, { name: "Alice Fontaine" }),
    createUser(request, { name: "Bruno Lemaire" }),
  ]);
  const contextA = await browser.newContext();
  const contextB = await browser.newContext();
  await signInOverHttp(contextA, alice);
  await signInOverHttp(contextB, bruno);
  const a = await contextA.newPage();
  const b = await contextB.newPage();

  // A writes a thread with bold text, a list and a link.
  await a.goto("/c/entraide");
  await a.getByRole("link", { name: "Nouveau fil" }).click();
  await a.getByLabel("Titre du fil").fill("Mon CV pour une coopérative");
  await typeInEditor(a, "Votre message", async (page) => {
    await page.keyboard.press("Control+b");
    await page.keyboard.type("Urgent");
    await page.keyboard.press("Control+b");
    await page.keyboard.type(" : trois questions");
    await page.keyboard.press("Enter");
    await page.keyboard.type("- la photo");
    await page.keyboard.press("Enter");
    await page.keyboard.type("les loisirs");
    await page.keyboard.press("Enter");
    await page.keyboard.press("Enter");
    await page.keyboard.type("Voir le guide");
    for (let i = 0; i < "le guide".length; i++) await page.keyboard.press("Shift+ArrowLeft");
  });
  await a.getByRole("button", { name: "Lien" }).click();
  await a.getByLabel("Adresse du lien").fill("https://www.avise.org");
  await a.getByRole("button", { name: "Appliquer" }).click();
  await a.getByRole("button", { name: "Publier" }).click();
  await expect(a).toHaveURL(/\/c\/entraide\/\d+-mon-cv-pour-une-cooperative$/);
  const opening = a.locator("#p1");
  await expect(opening.locator("strong")).toHaveText("Urgent");
  await expect(opening.locator("li")).toHaveText(["la photo", "les loisirs"]);
  await expect(opening.getByRole("link", { name: "le guide" })).toHaveAttribute("href", "https://www.avise.org");
  await expect(opening.getByRole("link", { name: "le guide" })).toHaveAttribute("rel", "nofollow ugc noopener");
  const threadUrl = a.url();

  // B replies; A answers B's reply; B answers A's answer (stays one level deep).
  await b.goto(threadUrl);
  await b.getByRole("textbox", { name: "Écrire une réponse…" }).click();
  await b.getByRole("textbox", { name: "Votre réponse" }).pressSequentially("Enlève la photo, garde les loisirs.");
  await b.getByRole("button", { name: "Répondre", exact: true }).last().click();
  await expect(b.locator("#p2")).toContainText("Enlève la photo");

  await a.reload();
  await a.locator("#p2").getByRole("button", { name: "Répondre" }).click();
  await a.getByRole("textbox", { name: "Réponse à Bruno Lemaire" }).pressSequentially("Merci, pourquoi les loisirs ?");
  await a.locator("#p2").getByRole("button", { name: "Répondre", exact: true }).last().click();
  await expect(a.locator("#p2 #p3")).toContainText("pourquoi les loisirs");

  await b.reload();
  await b.locator("#p3").getByRole("button", { name: "Répondre" }).click();
  const nestedEditor = b.getByRole("textbox", { name: "Réponse à Alice Fontaine" });
  await expect(nestedEditor.locator(".mention")).toHaveText("@Alice Fontaine");
  await nestedEditor.pressSequentially("ils montrent ton engagement.");
  await b.locator("#p2").getByRole("button", { name: "Répondre", exact: true }).last().click();
  await expect(b.locator("#p2 #p4")).toContainText("ils montrent ton engagement");

  // A edits the opening post; B reacts to it.
  await a.locator("#p1").getByRole("button", { name: "Modifier" }).click();
  const editEditor = a.getByRole("textbox", { name: "Modifier le message" });
  await editEditor.click();
  await a.keyboard.press("Control+End");
  await a.keyboard.type(" (mis à jour)");
  await a.getByRole("button", { name: "Enregistrer" }).click();
  await expect(a.locator("#p1")).toContainText("le guide (mis à jour)");
  await expect(a.locator("#p1").getByRole("button", { name: "modifié" })).toBeVisible();

  await b.reload();
  await b.locator("#p1").getByRole("button", { name: "Réagir", exact: true }).click();
  await b.getByRole("button", { name: "Réagir avec 👍" }).click();
  await expect(b.locator("#p1").getByRole("button", { name: /👍 1 : Bruno Lemaire/ })).toHaveAttribute(
    "aria-pressed",
    "true",
  );

  // Everything is still there after a reload, for both.
  for (const page of [a, b]) {
    await page.reload();
    await expect(page.locator("#p1")).toContainText("(mis à jour)");
    await expect(page.locator("#p1").getByRole("button", { name: /👍 1/ })).toBeVisible();
    await expect(page.locator("#p2 #p3")).toBeVisible();
    await expect(page.locator("#p2 #p4")).toBeVisible();
    await expect(page.getByRole("heading", { name: "3 réponses" })).toBeVisible();
  }

  // The earlier version is kept and viewable.
  await a.locator("#p1").getByRole("button", { name: "modifié" }).click();
  const dialog = a.getByRole("dialog", { name: "Versions précédentes" });
  await expect(dialog).toContainText("Version 1");
  await expect(dialog).not.toContainText("mis à jour");
  await contextA.close();
  await contextB.close();
});

test("a reply draft survives a reload, and a new-thread draft too", async ({ context, memberPage: page }) => {
  const thread = await createThread(context.request);
  await page.goto(thread.path);
  await page.getByRole("textbox", { name: "Écrire une réponse…" }).click();
  await page
    .getByRole("textbox", { name: "Votre réponse" })
    .pressSequentially("Un brouillon que je ne veux pas perdre");
  await expect(page.getByText("Brouillon enregistré")).toBeVisible();
  await page.reload();
  await expect(page.getByText("Nous avons retrouvé votre brouillon")).toBeVisible();
  await expect(page.getByRole("textbox", { name: "Votre réponse" })).toContainText(
    "Un brouillon que je ne veux pas perdre",
  );

  await page.goto("/c/programme/new");
  await page.getByLabel("Titre du fil").fill("Un titre en cours d'écriture");
  await page.getByRole("textbox", { name: "Votre message" }).pressSequentially("Le début de mon message");
  await expect(page.getByText("Brouillon enregistré")).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Titre du fil")).toHaveValue("Un titre en cours d'écriture");
  await expect(page.getByRole("textbox", { name: "Votre message" })).toContainText("Le début de mon message");
});

test("editing a version someone else changed shows both texts instead of overwriting", async ({ browser, request }) => {
  const user = await createUser(request);
  const context = await browser.newContext();
  await signInOverHttp(context, user);
  const thread = await createThread(context.request, { body: paragraphDoc("Version d'origine") });
  const laptop = await context.newPage();
  const phone = await context.newPage();
  for (const page of [laptop, phone]) {
    await page.goto(thread.path);
    await page.locator("#p1").getByRole("button", { name: "Modifier" }).click();
    await expect(page.getByRole("textbox", { name: "Modifier le message" })).toContainText("Version d'origine");
  }
  await laptop.getByRole("textbox", { name: "Modifier le message" }).pressSequentially(" — depuis l'ordinateur");
  await laptop.getByRole("button", { name: "Enregistrer" }).click();
  await expect(laptop.locator("#p1")).toContainText("depuis l'ordinateur");

  await phone.getByRole("textbox", { name: "Modifier le message" }).pressSequentially(" — depuis le téléphone");
  await phone.getByRole("button", { name: "Enregistrer" }).click();
  const conflict = phone.locator("#p1").getByRole("alert").first();
  await expect(conflict).toContainText("a été modifié pendant que vous écriviez");
  await expect(conflict).toContainText("depuis l'ordinateur");
  await expect(phone.getByRole("textbox", { name: "Modifier le message" })).toContainText("depuis le téléphone");

  await phone.reload();
  await expect(phone.locator("#p1")).toContainText("depuis l'ordinateur");
  await expect(phone.locator("#p1")).not.toContainText("depuis le téléphone");
  await context.close();
});

test("a retried submission never creates a second reply", async ({ context, memberPage: page }) => {
  const thread = await createThread(context.request);
  const key = randomUUID();
  const [first, second] = await Promise.all([
    createReply(context.request, thread.id, { text: "Envoyé deux fois", idempotencyKey: key }),
    createReply(context.request, thread.id, { text: "Envoyé deux fois", idempotencyKey: key }),
  ]);
  expect([first.status(), second.status()].sort()).toEqual([200, 201]);
  expect((await first.json()).post.id).toBe((await second.json()).post.id);
  await page.goto(thread.path);
  await expect(page.getByText("Envoyé deux fois")).toHaveCount(1);
  await expect(page.getByRole("heading", { name: "1 réponse" })).toBeVisible();
});

test("an author deletes a reply: it reads 'message supprimé' and stays deleted", async ({
  context,
  memberPage: page,
}) => {
  const thread = await createThread(context.request);
  await createReply(context.request, thread.id, { text: "Je me suis trompé de fil" });
  await page.goto(thread.path);
  await page.locator("#p2").getByRole("button", { name: "Supprimer" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Supprimer" }).click();
  await expect(page.locator("#p2")).toContainText("Message supprimé");
  await page.reload();
  await expect(page.locator("#p2")).toContainText("Message supprimé");
  await expect(page.getByText("Je me suis trompé de fil")).toHaveCount(0);
});

test("bad input is refused with a clear message and nothing typed is lost", async ({ context, memberPage: page }) => {
  await page.goto("/c/entraide/new");
  await page.getByLabel("Titre du fil").fill("Oui");
  await page.getByRole("textbox", { name: "Votre message" }).pressSequentially("   ");
  await page.getByRole("button", { name: "Publier" }).click();
  await expect(page.getByText("Le titre doit contenir au moins 5 caractères.")).toBeVisible();
  await expect(page.getByText("Le message est vide")).toBeVisible();
  await expect(page.getByLabel("Titre du fil")).toHaveValue("Oui");

  const thread = await createThread(context.request);
  const response = await createReply(context.request, thread.id, {
    body: {
      type: "doc",
      content: [
        {
          type: "paragraph",
          content: [{ type: "text", text: "x", marks: [{ type: "link", attrs: { href: "javascript:alert(1)" } }] }],
        },
      ],
    },
  });
  expect(response.status()).toBe(400);
  expect((await response.json()).fields.body[0]).toContain("http(s)");
});

test("outsiders are refused: visitors, and members acting on someone else's post", async ({
  browser,
  page,
  request,
}) => {
  const [owner, other] = await Promise.all([createUser(request), createUser(request)]);
  const ownerContext = await browser.newContext();
  const otherContext = await browser.newContext();
  await signInOverHttp(ownerContext, owner);
  await signInOverHttp(otherContext, other);
  const thread = await createThread(ownerContext.request, { body: paragraphDoc("Texte de la propriétaire") });
  const { page: opening } = await (
    await ownerContext.request.get(`/api/v1/threads/${thread.id}`)
  )
    .json()
    .then((data) => ({ page: data.opening }));

  const edit = await otherContext.request.patch(`/api/v1/posts/${opening.id}`, {
    data: { body: paragraphDoc("Piraté"), expectedVersion: 1 },
  });
  expect(edit.status()).toBe(404);
  const remove = await otherContext.request.delete(`/api/v1/posts/${opening.id}`);
  expect(remove.status()).toBe(404);

  // Visitors: members-only threads invite to join, and the API refuses them.
  const anonymousReply = await request.post(`/api/v1/threads/${thread.id}/posts`, {
    data: { body: paragraphDoc("anonyme"), idempotencyKey: randomUUID() },
  });
  expect([401, 404]).toContain(anonymousReply.status());
  await page.goto(thread.path);
  await expect(page.getByRole("heading", { name: "Ce fil est réservé aux membres" })).toBeVisible();
  await expect(page.getByText("Texte de la propriétaire")).toHaveCount(0);
  await page.goto("/c/cv");
  await expect(page.getByRole("link", { name: "Rejoindre la communauté" }).first()).toBeVisible();

  const after = await (await ownerContext.request.get(`/api/v1/threads/${thread.id}`)).json();
  expect(after.opening.bodyHtml).toContain("Texte de la propriétaire");
  expect(after.replies).toHaveLength(0);
  await ownerContext.close();
  await otherContext.close();
});

test("a link to a single post scrolls to it and highlights it", async ({ context, memberPage: page }) => {
  const thread = await createThread(context.request);
  for (let i = 1; i <= 12; i++)
    await createReply(context.request, thread.id, { text: `Réponse numéro ${i} `.repeat(20) });
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto(`${thread.path}#p11`);
  const target = page.locator("#p11");
  await expect(target).toBeInViewport();
  await expect(target).toHaveCSS("box-shadow", /rgb\(15, 107, 99\)/);
});

test("a visitor cannot tell a private thread from one that does not exist, nor read its title", async ({
  memberContext,
  request,
}) => {
  const thread = await createThread(memberContext.request, { title: "Mon parcours très personnel" });
  const slugOfTitle = "mon-parcours-tres-personnel";
  const existing = await request.get(`/c/entraide/${thread.id}`);
  const missing = await request.get("/c/entraide/987654321");
  expect(existing.status()).toBe(missing.status());
  const [existingHtml, missingHtml] = await Promise.all([existing.text(), missing.text()]);
  expect(existingHtml).not.toContain(slugOfTitle);
  expect(existingHtml).toContain(`callbackUrl=${encodeURIComponent(`/c/entraide/${thread.id}`)}`);
  expect(missingHtml).toContain(`callbackUrl=${encodeURIComponent("/c/entraide/987654321")}`);
  // At a public channel's address, both are the same 404.
  expect((await request.get(`/c/offres/${thread.id}`)).status()).toBe(404);
  expect((await request.get("/c/offres/987654321")).status()).toBe(404);
});
