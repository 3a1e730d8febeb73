import { randomUUID } from "node:crypto";
import type { Page } from "@playwright/test";
import { makeExecutable, makePdf, makePdfWithJavaScript } from "../lib/uploads/test-pdfs";
import { expectNoSeriousA11yViolations } from "./fixtures/axe";
import { expect, test } from "./fixtures/test";
import { createUser } from "./fixtures/users";

async function fillRequest(page: Page, title: string) {
  await page.getByLabel("Titre de la demande").fill(title);
  await page.getByLabel("Poste ou secteur visé").fill("Chargée de mission dans une recyclerie");
  await page.getByLabel("Quel type de retour souhaitez-vous ?").fill("La structure et l'orthographe, surtout.");
}

const pdfFile = async (pages: number) => ({
  name: "cv-camille.pdf",
  mimeType: "application/pdf",
  buffer: Buffer.from(await makePdf(pages)),
});

test("a member asks for a CV review with a 3-page PDF: progress, inline preview, protected download", async ({
  signIn,
  request,
  playwright,
}) => {
  const author = await createUser(request, { name: "Camille Roux" });
  const { page } = await signIn(author);
  const title = `Mon CV pour une recyclerie ${randomUUID().slice(0, 5)}`;

  await page.goto("/c/cv");
  await page.getByRole("link", { name: "Demander une relecture" }).click();
  await expect(page.getByRole("heading", { name: /Demander une relecture dans/ })).toBeVisible();
  await fillRequest(page, title);
  await page.getByLabel(/Votre document \(PDF/).setInputFiles(await pdfFile(3));
  await expect(page.getByText(/Fichier choisi : cv-camille\.pdf/)).toBeVisible();

  // Hold the upload's answer a moment so the progress bar can be seen.
  await page.route("**/api/v1/reviews", async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    await route.continue();
  });
  await page.getByRole("button", { name: "Publier la demande" }).click();
  await expect(page.getByRole("progressbar", { name: "Progression de l'envoi" })).toBeVisible();

  await expect(page).toHaveURL(/\/c\/cv\/\d+-/);
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page.getByText("Chargée de mission dans une recyclerie")).toBeVisible();
  // Every page is drawn inline by pdf.js.
  await expect(page.getByRole("img", { name: "Page 1 sur 3" })).toBeVisible({ timeout: 20_000 });
  await expect(page.getByRole("img", { name: /^Page \d sur 3$/ })).toHaveCount(3);
  await expectNoSeriousA11yViolations(page);
  // The page is never indexed.
  await expect(page.locator('meta[name="robots"]')).toHaveAttribute("content", /noindex/);

  const href = await page.getByRole("link", { name: /Télécharger cv-camille\.pdf/ }).getAttribute("href");
  expect(href).toMatch(/^\/api\/v1\/files\/[0-9a-f-]{36}$/);
  const download = await page.request.get(href!);
  expect(download.status()).toBe(200);
  expect(download.headers()["content-type"]).toBe("application/pdf");
  expect(download.headers()["content-disposition"]).toBe(
    "attachment; filename=\"cv-camille.pdf\"; filename*=UTF-8''cv-camille.pdf",
  );
  expect(download.headers()["x-content-type-options"]).toBe("nosniff");
  expect((await download.body()).subarray(0, 5).toString("latin1")).toBe("%PDF-");

  // Another member may read it; a visitor never gets the file, nor a hint that it exists.
  const reader = await createUser(request, { name: "Yanis Lefèvre" });
  const { page: readerPage } = await signIn(reader);
  expect((await readerPage.request.get(href!)).status()).toBe(200);
  const anonymous = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL });
  const refused = await anonymous.get(href!, { maxRedirects: 0 });
  expect(refused.status()).toBe(404);
  expect((await refused.body()).includes(Buffer.from("%PDF-"))).toBe(false);
  expect((await anonymous.get(`/api/v1/files/${randomUUID()}`)).status()).toBe(404);
  await anonymous.dispose();
});

test("refused files: each with its message, and the form keeps what was typed", async ({ signIn, request }) => {
  const author = await createUser(request, { name: "Léa Garnier" });
  const { page } = await signIn(author);
  const title = `CV refusé puis accepté ${randomUUID().slice(0, 5)}`;
  await page.goto("/c/cv/review/new");
  await fillRequest(page, title);
  const picker = page.getByLabel(/Votre document \(PDF/);
  const submit = page.getByRole("button", { name: "Publier la demande" });

  const cases: { file: { name: string; mimeType: string; buffer: Buffer }; message: RegExp }[] = [
    {
      file: { name: "cv.pdf", mimeType: "application/pdf", buffer: Buffer.from(makeExecutable()) },
      message: /Ce fichier n'est pas un PDF/,
    },
    {
      file: { name: "cv.pdf", mimeType: "application/pdf", buffer: Buffer.from(await makePdfWithJavaScript()) },
      message: /Ce PDF contient du code JavaScript/,
    },
    {
      file: {
        name: "gros-cv.pdf",
        mimeType: "application/pdf",
        buffer: Buffer.concat([Buffer.from(await makePdf(1)), Buffer.alloc(6 * 1024 * 1024, 0x20)]),
      },
      message: /Ce fichier dépasse 5 Mo/,
    },
    {
      file: { name: "vide.pdf", mimeType: "application/pdf", buffer: Buffer.alloc(0) },
      message: /Ce fichier est vide/,
    },
  ];
  for (const { file, message } of cases) {
    await picker.setInputFiles(file);
    await submit.click();
    await expect(page.getByText(message)).toBeVisible();
    await expect(page).toHaveURL(/\/c\/cv\/review\/new$/);
    await expect(page.getByLabel("Titre de la demande")).toHaveValue(title);
    await expect(page.getByLabel("Quel type de retour souhaitez-vous ?")).toHaveValue(
      "La structure et l'orthographe, surtout.",
    );
  }

  // A valid file then goes through from the same form.
  await picker.setInputFiles(await pdfFile(2));
  await submit.click();
  await expect(page).toHaveURL(/\/c\/cv\/\d+-/);
  await expect(page.getByRole("img", { name: "Page 2 sur 2" })).toBeVisible({ timeout: 20_000 });
});

test("a visitor asking for the review form is sent to sign in", async ({ page }) => {
  await page.goto("/c/cv/review/new");
  await expect(page).toHaveURL(/\/sign-in/);
});

/** Opens a CV review request over HTTP (multipart, as the form sends it). */
async function createReviewRequest(page: Page, title: string, pages = 2): Promise<string> {
  const response = await page.request.post("/api/v1/reviews", {
    headers: { "x-propulse-upload": "1" },
    multipart: {
      channelSlug: "cv",
      title,
      target: "Chargée de mission ESS",
      feedbackWanted: "Tout retour est bienvenu.",
      idempotencyKey: randomUUID(),
      file: await pdfFile(pages),
    },
  });
  expect(response.status()).toBe(201);
  return ((await response.json()) as { path: string }).path;
}

test("a reviewer scores the rubric; the author sees the summary per criterion", async ({ signIn, request }) => {
  const author = await createUser(request, { name: "Inès Bernard" });
  const reviewer = await createUser(request, { name: "Paul Martin" });
  const { page: authorPage } = await signIn(author);
  const title = `CV à noter ${randomUUID().slice(0, 5)}`;
  const path = await createReviewRequest(authorPage, title);
  // Reviewers spot the requests nobody has reviewed yet in the channel list.
  await authorPage.goto("/c/cv");
  const entry = authorPage.getByRole("listitem").filter({ has: authorPage.getByRole("link", { name: title }) });
  await expect(entry.getByText("Sans retour pour l'instant")).toBeVisible();

  // The author does not review their own request.
  await authorPage.goto(path);
  await expect(authorPage.getByText("Pas encore de retour structuré.")).toBeVisible();
  await expect(authorPage.getByRole("button", { name: "Publier mon retour" })).toHaveCount(0);

  await expect(authorPage.locator("summary", { hasText: "Donner un retour structuré" })).toHaveCount(0);

  const { page } = await signIn(reviewer);
  await page.goto(path);
  // The rubric is folded under its title until the reviewer opens it.
  await expect(page.getByRole("group", { name: "Orthographe" })).toBeHidden();
  await page.locator("summary", { hasText: "Donner un retour structuré" }).click();
  const scores: Record<string, number> = {
    "Lisibilité et structure": 3,
    "Adéquation au poste et à l'ESS": 2,
    "Réalisations concrètes": 4,
    Orthographe: 4,
  };
  // Missing scores are refused and nothing typed is lost.
  await page.getByRole("group", { name: "Lisibilité et structure" }).getByRole("radio", { name: "3 sur 4" }).check();
  await page.getByLabel("Votre retour général (facultatif)").fill("Beau parcours, mettez en avant le bénévolat.");
  await page.getByRole("button", { name: "Publier mon retour" }).click();
  await expect(page.getByText("Notez chacun des critères.")).toBeVisible();
  await expect(page.getByLabel("Votre retour général (facultatif)")).toHaveValue(
    "Beau parcours, mettez en avant le bénévolat.",
  );
  for (const [criterion, score] of Object.entries(scores)) {
    await page
      .getByRole("group", { name: criterion })
      .getByRole("radio", { name: `${score} sur 4` })
      .check();
  }
  await page
    .getByLabel("Commentaire sur « Adéquation au poste et à l'ESS » (facultatif)")
    .fill("Citez la mission de la structure.");
  await page.getByRole("button", { name: "Publier mon retour" }).click();
  await expect(page.getByText("Merci, votre retour est publié.")).toBeVisible();
  await expect(
    page.getByText("Adéquation au poste et à l'ESS : 2/4 — Citez la mission de la structure."),
  ).toBeVisible();

  // The author's open page updates its summary live, then keeps it after a reload.
  const summary = authorPage.getByRole("table");
  await expect(summary.getByRole("row", { name: /Lisibilité et structure\s+3 \/ 4/ })).toBeVisible();
  await authorPage.reload();
  await expect(summary.getByRole("row", { name: /Lisibilité et structure\s+3 \/ 4/ })).toBeVisible();
  await expect(summary.getByRole("row", { name: /Adéquation au poste et à l'ESS\s+2 \/ 4/ })).toBeVisible();
  await expect(authorPage.getByRole("link", { name: /Voir le retour de Paul Martin/ })).toBeVisible();
  await authorPage.goto("/c/cv");
  await expect(entry.getByText("1 retour", { exact: true })).toBeVisible();
  await expect(entry.getByText("Sans retour pour l'instant")).toHaveCount(0);
  await expectNoSeriousA11yViolations(page);
});

test("the author uploads version 2, anyone switches versions, and the author marks it resolved with thanks", async ({
  signIn,
  request,
}) => {
  // Two uploads, two readers and a withdrawal: a long flow that neared 60 s on a busy 2-core machine.
  test.slow();
  const author = await createUser(request, { name: "Nora Petit" });
  const reviewer = await createUser(request, { name: "Hugo Blanc" });
  const { page: authorPage } = await signIn(author);
  const path = await createReviewRequest(authorPage, `CV en deux versions ${randomUUID().slice(0, 5)}`, 1);
  const { page } = await signIn(reviewer);
  await page.goto(path);
  await page.locator("summary", { hasText: "Donner un retour structuré" }).click();
  for (const criterion of [
    "Lisibilité et structure",
    "Adéquation au poste et à l'ESS",
    "Réalisations concrètes",
    "Orthographe",
  ]) {
    await page.getByRole("group", { name: criterion }).getByRole("radio", { name: "2 sur 4" }).check();
  }
  await page.getByRole("button", { name: "Publier mon retour" }).click();
  await expect(page.getByText("Merci, votre retour est publié.")).toBeVisible();
  const threadId = Number(/\/c\/cv\/(\d+)-/.exec(path)![1]);
  const comment = await page.request.post(`/api/v1/reviews/${threadId}/page-comments`, {
    data: { version: 1, page: 1, rect: null, text: "Le titre du CV manque.", idempotencyKey: randomUUID() },
  });
  expect(comment.status()).toBe(201);

  await authorPage.goto(path);
  await authorPage.getByLabel(/Nouvelle version \(version 2/).setInputFiles(await pdfFile(3));
  await authorPage.getByRole("button", { name: "Envoyer la nouvelle version" }).click();
  await expect(authorPage.getByText("Nouvelle version publiée.")).toBeVisible();
  await expect(authorPage.getByRole("button", { name: /^Version 2/ })).toHaveAttribute("aria-pressed", "true");
  await expect(authorPage.getByRole("img", { name: "Page 3 sur 3" })).toBeVisible({ timeout: 20_000 });

  // Switching back shows version 1, its single page, and the review given on it.
  await page.reload();
  await expect(page.getByRole("button", { name: /^Version 2/ })).toHaveAttribute("aria-pressed", "true");
  await page.getByRole("button", { name: /^Version 1/ }).click();
  await expect(page.getByText(/Version 1 · .* · 1 retour sur cette version/)).toBeVisible();
  await expect(page.getByRole("img", { name: "Page 1 sur 1" })).toBeVisible({ timeout: 20_000 });
  await expect(page.getByRole("link", { name: /Voir le retour de Hugo Blanc/ }).locator("..")).toContainText(
    "Version 1",
  );
  // Following a version 1 page comment from its post, while version 2 is shown, brings version 1 back.
  await page.getByRole("button", { name: /^Version 2/ }).click();
  await page.locator("#p3").getByRole("link", { name: "Voir sur la page 1" }).click();
  await expect(page.getByRole("button", { name: /^Version 1/ })).toHaveAttribute("aria-pressed", "true");
  await expect(
    page.getByRole("link", { name: /^Commentaire 1 de Hugo Blanc sur la page 1 : Le titre du CV manque/ }),
  ).toBeInViewport({ timeout: 20_000 });

  await authorPage
    .getByLabel("Un mot pour remercier vos relecteurs (facultatif)")
    .fill("Merci Hugo pour ta relecture !");
  await authorPage.getByRole("button", { name: "Marquer comme résolu" }).click();
  await expect(authorPage.getByText("Résolu", { exact: true })).toBeVisible();
  await expect(authorPage.getByText("Merci Hugo pour ta relecture !")).toBeVisible();
  await authorPage.reload();
  await expect(authorPage.getByRole("button", { name: "Rouvrir la demande" })).toBeVisible();

  // The author takes version 1's file back: gone from the preview and the file route, its review stays.
  await authorPage.getByRole("button", { name: /^Version 1/ }).click();
  const firstFile = (await authorPage.getByRole("link", { name: /^Télécharger/ }).getAttribute("href"))!;
  authorPage.once("dialog", (dialog) => void dialog.accept());
  await authorPage.getByRole("button", { name: "Retirer le fichier de la version 1" }).click();
  await authorPage.getByRole("button", { name: /^Version 1/ }).click();
  await expect(
    authorPage.getByText("Fichier retiré par son auteur·ice : les retours et commentaires restent."),
  ).toBeVisible();
  await expect(authorPage.getByText(/Version 1 · .* · 1 retour sur cette version/)).toBeVisible();
  expect((await page.request.get(firstFile)).status()).toBe(404);
  await expect(authorPage.getByRole("button", { name: "Retirer le fichier de la version 1" })).toHaveCount(0);
});

test("a reviewer draws a rectangle on page 2 and comments; marker and discussion link to each other", async ({
  signIn,
  request,
}) => {
  const author = await createUser(request, { name: "Sarah Colin" });
  const reviewer = await createUser(request, { name: "Malik Diallo" });
  const { page: authorPage } = await signIn(author);
  const path = await createReviewRequest(authorPage, `CV à annoter ${randomUUID().slice(0, 5)}`, 2);
  const { page } = await signIn(reviewer);
  // On a phone: the whole page fits on screen while drawing.
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto(path);
  await expect(page.getByRole("img", { name: "Page 2 sur 2" })).toBeVisible({ timeout: 20_000 });
  await page.getByRole("button", { name: "Commenter la page 2" }).click();
  const layer = page.getByTestId("draw-layer-2");
  await layer.scrollIntoViewIfNeeded();
  const box = (await layer.boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.1, box.y + box.height * 0.45);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.55, { steps: 5 });
  await page.mouse.up();
  await expect(
    page.getByRole("status").filter({ hasText: /Zone sélectionnée : de (9|10) à (49|50) % de la largeur/ }),
  ).toBeVisible();
  await page.getByLabel("Votre commentaire sur la page 2").fill("Ce titre est trop petit, passez-le en gras.");
  await page.getByRole("button", { name: "Publier le commentaire" }).click();

  const marker = page.getByRole("link", {
    name: /^Commentaire 1 de Malik Diallo sur la page 2 : Ce titre est trop petit/,
  });
  await expect(marker).toBeVisible();
  // The discussion carries the comment, naming its page and version.
  await expect(page.getByText("Commentaire sur une zone de la page 2 (version 1)")).toBeVisible();
  await expect(page.locator("#p2 .prose-post")).toHaveText("Ce titre est trop petit, passez-le en gras.");
  // Each reader reads the label in their own language (it is not part of the stored text).
  await page.context().addCookies([{ name: "locale", value: "en", url: page.url() }]);
  await page.reload();
  await expect(page.locator("#p2").getByText("Comment on an area of page 2 (version 1)")).toBeVisible();
  await page.context().addCookies([{ name: "locale", value: "fr", url: page.url() }]);
  await page.reload();
  const postHref = await marker.getAttribute("href");
  expect(postHref).toMatch(/\?post=2$/);
  await expect(page.getByRole("link", { name: "Voir dans la discussion" })).toHaveAttribute("href", postHref!);
  const markerAnchor = await page.getByRole("link", { name: "Voir sur la page 2" }).first().getAttribute("href");
  expect(markerAnchor).toMatch(/^#page-comment-\d+$/);
  // The post in the discussion links back to its marker too.
  await page.locator("#p2").getByRole("link", { name: "Voir sur la page 2" }).click();
  await expect(marker).toBeInViewport();
  // The rectangle is kept in page fractions: it survives a reload at another width.
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.reload();
  await expect(marker).toBeVisible({ timeout: 20_000 });
  const markerBox = (await marker.boundingBox())!;
  const pageBox = (await page.getByRole("img", { name: "Page 2 sur 2" }).boundingBox())!;
  expect(markerBox.width / pageBox.width).toBeGreaterThan(0.35);
  expect(markerBox.width / pageBox.width).toBeLessThan(0.45);
  await expectNoSeriousA11yViolations(page);
});

test("a keyboard-only reviewer places, moves and resizes a zone, then comments on it", async ({ signIn, request }) => {
  const author = await createUser(request, { name: "Léna Roussel" });
  const reviewer = await createUser(request, { name: "Oscar Mercier" });
  const { page: authorPage } = await signIn(author);
  const path = await createReviewRequest(authorPage, `CV au clavier ${randomUUID().slice(0, 5)}`, 1);
  const { page } = await signIn(reviewer);
  await page.goto(path);
  await expect(page.getByRole("img", { name: "Page 1 sur 1" })).toBeVisible({ timeout: 20_000 });
  await page.getByRole("button", { name: "Commenter la page 1" }).focus();
  await page.keyboard.press("Enter");
  // Focus lands on the page, where arrows draw.
  const layer = page.getByRole("application", { name: "Zone à commenter sur la page 1" });
  await expect(layer).toBeFocused();
  const status = page.getByRole("status").filter({ hasText: "Zone sélectionnée" });
  await page.keyboard.press("ArrowDown");
  const placed = (await status.textContent())!;
  const numbers = (text: string) => [...text.matchAll(/\d+/g)].map((match) => Number(match[0]));
  const [left, right, top, bottom] = numbers(placed) as [number, number, number, number];
  for (let press = 0; press < 5; press++) await page.keyboard.press("ArrowRight");
  for (let press = 0; press < 3; press++) await page.keyboard.press("Shift+ArrowDown");
  const moved = numbers((await status.textContent())!);
  // Moved right (same width), taller (same top).
  expect(moved[0]).toBeGreaterThan(left);
  expect(moved[1]! - moved[0]!).toBe(right - left);
  expect(moved[2]).toBe(top);
  expect(moved[3]).toBeGreaterThan(bottom);

  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "Effacer la zone" })).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("Votre commentaire sur la page 1")).toBeFocused();
  await page.keyboard.type("Ce bloc gagnerait à être plus aéré.");
  await page.keyboard.press("Tab");
  await page.keyboard.press("Enter");
  const marker = page.getByRole("link", { name: /^Commentaire 1 de Oscar Mercier sur la page 1 : Ce bloc gagnerait/ });
  await expect(marker).toBeVisible();
  const markerBox = (await marker.boundingBox())!;
  const pageBox = (await page.getByRole("img", { name: "Page 1 sur 1" }).boundingBox())!;
  // The marker covers the zone chosen with the keys (in page fractions).
  expect(Math.round(((markerBox.x - pageBox.x) / pageBox.width) * 100)).toBeCloseTo(moved[0]!, -1);
  expect(Math.round((markerBox.width / pageBox.width) * 100)).toBeCloseTo(moved[1]! - moved[0]!, -1);
  await expect(page.getByText("Commentaire sur une zone de la page 1 (version 1)")).toBeVisible();
});

test("a cover letter pasted as text gets the letter rubric", async ({ signIn, request }) => {
  const author = await createUser(request, { name: "Jade Morel" });
  const { page } = await signIn(author);
  await page.goto("/c/lettres/review/new");
  await fillRequest(page, `Lettre pour une Scop ${randomUUID().slice(0, 5)}`);
  await page
    .getByLabel("Ou collez le texte de votre lettre")
    .fill("Madame, Monsieur,\n\nVotre coopérative m'inspire depuis longtemps.");
  await page.getByRole("button", { name: "Publier la demande" }).click();
  await expect(page).toHaveURL(/\/c\/lettres\/\d+-/);
  await expect(page.getByText("Votre coopérative m'inspire depuis longtemps.")).toBeVisible();
  await expect(page.getByText("Lettre de motivation", { exact: true })).toBeVisible();

  const reviewer = await createUser(request, { name: "Théo Lambert" });
  const { page: reviewerPage } = await signIn(reviewer);
  await reviewerPage.goto(page.url());
  await reviewerPage.locator("summary", { hasText: "Donner un retour structuré" }).click();
  for (const criterion of ["Accroche", "Motivation pour la structure", "Exemples", "Ton"]) {
    await expect(reviewerPage.getByRole("group", { name: criterion })).toBeVisible();
  }
});

test("the viewer on a phone zooms (buttons, two fingers), pages and goes full screen; on a wide screen the comment box sits beside the page", async ({
  signIn,
  request,
}) => {
  const author = await createUser(request, { name: "Inès Morel" });
  const reviewer = await createUser(request, { name: "Jules Petit" });
  const { page: authorPage } = await signIn(author);
  const path = await createReviewRequest(authorPage, `CV à zoomer ${randomUUID().slice(0, 5)}`, 3);
  const { page } = await signIn(reviewer);
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto(path);
  const first = page.getByRole("img", { name: "Page 1 sur 3" });
  await expect(first).toBeVisible({ timeout: 20_000 });
  const viewer = page.getByRole("group", { name: "Affichage du document" });
  await expect(viewer.getByText("Page 1 / 3")).toBeVisible();

  // Buttons: 150 %, the page scrolls sideways inside the viewer, never the site.
  const fitted = (await first.boundingBox())!.width;
  await viewer.getByRole("button", { name: "Agrandir" }).click();
  await viewer.getByRole("button", { name: "Agrandir" }).click();
  await expect(viewer.getByRole("button", { name: /^150 %/ })).toBeVisible();
  await expect.poll(async () => (await first.boundingBox())!.width / fitted).toBeGreaterThan(1.45);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await viewer.getByRole("button", { name: /Ajuster à la largeur/ }).click();
  await expect(viewer.getByRole("button", { name: /^100 %/ })).toBeVisible();

  // Two fingers moving apart (twice as far) zoom to 200 %.
  await page.evaluate(() => {
    const target = document.querySelector('[data-pdf-page="1"]')!;
    const fire = (type: string, pointerId: number, clientX: number) =>
      target.dispatchEvent(
        new PointerEvent(type, { pointerId, pointerType: "touch", clientX, clientY: 300, bubbles: true }),
      );
    fire("pointerdown", 11, 150);
    fire("pointerdown", 12, 210);
    fire("pointermove", 11, 120);
    fire("pointermove", 12, 240);
    fire("pointerup", 11, 120);
    fire("pointerup", 12, 240);
  });
  await expect(viewer.getByRole("button", { name: /^200 %/ })).toBeVisible();
  await viewer.getByRole("button", { name: /Ajuster à la largeur/ }).click();

  // The page indicator follows, and its buttons go from page to page.
  await viewer.getByRole("button", { name: "Page suivante" }).click();
  await expect(page.getByRole("img", { name: "Page 2 sur 3" })).toBeInViewport();
  await expect(viewer.getByText("Page 2 / 3")).toBeVisible();

  // Full screen covers the site; Escape leaves it, the focus staying on its button.
  await viewer.getByRole("button", { name: "Plein écran" }).click();
  await expect(viewer.getByRole("button", { name: "Quitter le plein écran" })).toBeFocused();
  const screen = (await page.getByRole("region", { name: /Aperçu du document/ }).boundingBox())!;
  expect(screen).toMatchObject({ x: 0, y: 0, width: 360, height: 740 });
  await page.keyboard.press("Escape");
  await expect(viewer.getByRole("button", { name: "Plein écran" })).toBeFocused();

  // Wide: the comment box is beside the page, not below it.
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.getByRole("button", { name: "Commenter la page 1" }).click();
  const pageBox = (await first.boundingBox())!;
  const box = (await page.getByLabel("Votre commentaire sur la page 1").boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(pageBox.x + pageBox.width);
  expect(box.y).toBeLessThan(pageBox.y + pageBox.height);
  await expectNoSeriousA11yViolations(page);
});
