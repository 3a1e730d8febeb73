import { randomUUID } from "node:crypto";
import type { Page } from "@playwright/test";
import { makePdf } from "../lib/uploads/test-pdfs";
import { expectNoSeriousA11yViolations } from "./fixtures/axe";
import { expect, test } from "./fixtures/test";
import { createUser } from "./fixtures/users";

// Chromium's fake microphone (a beep) answers getUserMedia without a prompt; media may play without a click.
test.use({
  launchOptions: {
    executablePath: "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--disable-quic",
      "--disable-gpu",
      "--use-fake-ui-for-media-stream",
      "--use-fake-device-for-media-stream",
      "--autoplay-policy=no-user-gesture-required",
    ],
  },
});

/** Posts a pitch through the upload route, as the form does. */
async function postPitch(
  page: Page,
  fields: { title: string; text?: string },
  file?: { name: string; mimeType: string; buffer: Buffer },
) {
  return page.request.post("/api/v1/pitches", {
    headers: { "x-propulse-upload": "1" },
    multipart: {
      channelSlug: "pitch",
      title: fields.title,
      target: "Chargé de développement dans une coopérative",
      text: fields.text ?? "",
      idempotencyKey: randomUUID(),
      ...(file ? { file } : {}),
    },
  });
}

test("a member records a 3-second pitch, publishes it and plays it inline; visitors get 404", async ({
  signIn,
  request,
  playwright,
}) => {
  const author = await createUser(request, { name: "Sofia Benali" });
  const { page } = await signIn(author);
  const title = `Mon pitch d'une minute ${randomUUID().slice(0, 5)}`;

  await page.goto("/c/pitch");
  await page.getByRole("link", { name: "Enregistrer un pitch" }).click();
  await expect(page.getByRole("heading", { name: /Nouveau pitch dans/ })).toBeVisible();
  await page.getByLabel("Titre du pitch").fill(title);
  await page.getByLabel("Poste ou secteur visé").fill("Chargée de projet dans une recyclerie");
  await page.getByRole("radio", { name: "30 s" }).check();
  await expectNoSeriousA11yViolations(page);

  await page.getByRole("button", { name: "Démarrer l'enregistrement" }).click();
  const timer = page.getByRole("timer");
  await expect(timer).toContainText("0:02 sur 0:30");
  await expect(timer).toContainText("0:03 sur 0:30");
  await page.getByRole("button", { name: "Arrêter" }).click();
  await expect(page.getByText(/Enregistrement prêt \(0:0[34]\)/)).toBeVisible();
  await expect(page.locator('audio[aria-label="Écouter votre enregistrement"]')).toBeVisible();

  await page.getByRole("button", { name: "Publier le pitch" }).click();
  await expect(page).toHaveURL(/\/c\/pitch\/\d+-/);
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page.getByText("Chargée de projet dans une recyclerie")).toBeVisible();
  await expect(page.locator('meta[name="robots"]')).toHaveAttribute("content", /noindex/);

  const audio = page.locator('audio[aria-label="Écouter le pitch"]');
  await expect(audio).toBeVisible();
  const src = await audio.getAttribute("src");
  expect(src).toMatch(/^\/api\/v1\/files\/[0-9a-f-]{36}$/);
  const served = await page.request.get(src!);
  expect(served.status()).toBe(200);
  expect(served.headers()["content-type"]).toBe("audio/webm");
  expect(served.headers()["x-robots-tag"]).toMatch(/noindex/);
  expect(served.headers()["x-content-type-options"]).toBe("nosniff");
  expect([...(await served.body()).subarray(0, 4)]).toEqual([0x1a, 0x45, 0xdf, 0xa3]);
  // Media players (Safari first) ask for byte ranges.
  const whole = await served.body();
  const part = await page.request.get(src!, { headers: { range: "bytes=2-9" } });
  expect(part.status()).toBe(206);
  expect(part.headers()["content-range"]).toBe(`bytes 2-9/${whole.byteLength}`);
  expect([...(await part.body())]).toEqual([...whole.subarray(2, 10)]);
  expect((await page.request.get(src!, { headers: { range: `bytes=${whole.byteLength}-` } })).status()).toBe(416);

  // It plays: time advances past two seconds (MediaRecorder's WebM may not state its duration).
  await audio.evaluate((element: HTMLAudioElement) => element.play());
  await expect
    .poll(() => audio.evaluate((element: HTMLAudioElement) => element.currentTime), { timeout: 10_000 })
    .toBeGreaterThan(2);
  await expectNoSeriousA11yViolations(page);

  const anonymous = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL });
  const refused = await anonymous.get(src!, { maxRedirects: 0 });
  expect(refused.status()).toBe(404);
  expect((await refused.body()).includes(Buffer.from([0x1a, 0x45, 0xdf, 0xa3]))).toBe(false);
  await anonymous.dispose();

  // The author can take their voice back: the recording is gone for good, the pitch stays.
  page.once("dialog", (dialog) => void dialog.accept());
  await page.getByRole("button", { name: "Supprimer mon enregistrement" }).click();
  await expect(audio).toHaveCount(0);
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  expect((await page.request.get(src!)).status()).toBe(404);
});

test("a non-audio file is refused with its message, and nothing is published", async ({ signIn, request }) => {
  const author = await createUser(request, { name: "Malik Haddad" });
  const { page } = await signIn(author);
  const title = `Pitch refusé ${randomUUID().slice(0, 5)}`;
  // A PDF named and declared as a recording: judged by its content.
  const response = await postPitch(
    page,
    { title },
    { name: "pitch.webm", mimeType: "audio/webm", buffer: Buffer.from(await makePdf(1)) },
  );
  expect(response.status()).toBe(400);
  const body = (await response.json()) as { fields: { file: string[] } };
  expect(body.fields.file[0]).toContain("n'est pas un enregistrement audio accepté");
  // Neither a recording nor a text: refused too.
  const empty = await postPitch(page, { title });
  expect(empty.status()).toBe(400);
  expect(((await empty.json()) as { fields: { file: string[] } }).fields.file[0]).toBe(
    "Enregistrez votre pitch ou écrivez-le.",
  );
  await page.goto("/c/pitch");
  await expect(page.getByRole("link", { name: title })).toHaveCount(0);
});

test("a peer gives feedback with the pitch rubric", async ({ signIn, request }) => {
  const author = await createUser(request, { name: "Chloé Moreau" });
  const reviewer = await createUser(request, { name: "Théo Giraud" });
  const { page: authorPage } = await signIn(author);
  const created = await postPitch(authorPage, {
    title: `Pitch écrit ${randomUUID().slice(0, 5)}`,
    text: "Bonjour, je m'appelle Chloé et je veux rejoindre une SCIC.",
  });
  expect(created.status()).toBe(201);
  const { path } = (await created.json()) as { path: string };

  await authorPage.goto(path);
  await expect(authorPage.getByRole("button", { name: "Publier mon retour" })).toHaveCount(0);

  const { page } = await signIn(reviewer);
  await page.goto(path);
  await expect(page.getByText("Bonjour, je m'appelle Chloé").first()).toBeVisible();
  await page.locator("summary", { hasText: "Donner un retour sur ce pitch" }).click();
  const scores: Record<string, number> = { Accroche: 3, Clarté: 4, Conviction: 2, "Lien avec l'ESS": 4 };
  for (const [criterion, score] of Object.entries(scores)) {
    await page
      .getByRole("group", { name: criterion })
      .getByRole("radio", { name: `${score} sur 4` })
      .check();
  }
  await page.getByRole("button", { name: "Publier mon retour" }).click();
  await expect(page.getByText("Merci, votre retour est publié.")).toBeVisible();
  await expect(page.getByText("Conviction : 2/4")).toBeVisible();

  await authorPage.reload();
  await expect(authorPage.getByRole("table").getByRole("row", { name: /Lien avec l'ESS\s+4 \/ 4/ })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
});

test("a peer answers a pitch with their own recording: it appears live, plays, survives a reload, and goes with its post", async ({
  signIn,
  request,
}) => {
  const author = await createUser(request, { name: "Awa Diallo" });
  const peer = await createUser(request, { name: "Jules Marchand" });
  const { page: authorPage } = await signIn(author);
  const created = await postPitch(authorPage, {
    title: `Pitch à écouter ${randomUUID().slice(0, 5)}`,
    text: "Bonjour, je m'appelle Awa.",
  });
  expect(created.status()).toBe(201);
  const { path } = (await created.json()) as { path: string };
  await authorPage.goto(path);

  const { page } = await signIn(peer);
  await page.goto(path);
  await page.locator("summary", { hasText: "Répondre avec votre propre enregistrement" }).click();
  const form = page.getByRole("form", { name: "Répondre avec votre propre enregistrement" });
  await expect(form).toBeVisible();
  // Sending without a recording is refused next to the recorder, with the words kept.
  await form.getByLabel("Quelques mots avec votre enregistrement (facultatif)").fill("Voici comment je le dirais.");
  await form.getByRole("button", { name: "Publier ma réponse enregistrée" }).click();
  await expect(form.getByText("Enregistrez d'abord votre réponse.")).toBeVisible();
  await expect(form.getByLabel("Quelques mots avec votre enregistrement (facultatif)")).toHaveValue(
    "Voici comment je le dirais.",
  );

  await form.getByRole("button", { name: "Démarrer l'enregistrement" }).click();
  await expect(form.getByRole("timer")).toContainText("0:03 sur 1:00");
  await form.getByRole("button", { name: "Arrêter" }).click();
  await expect(form.getByText(/Enregistrement prêt \(0:0[34]\)/)).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await form.getByRole("button", { name: "Publier ma réponse enregistrée" }).click();
  await expect(form.getByText("Votre réponse enregistrée est publiée.")).toBeVisible();

  // The first reply of the thread: post 2.
  const reply = page.locator("#p2");
  await expect(reply).toContainText("Voici comment je le dirais.");
  const audio = reply.getByLabel("Écouter l'enregistrement de Jules Marchand");
  await expect(audio).toBeVisible();
  // The author's open page receives it live, player included.
  await expect(authorPage.getByLabel("Écouter l'enregistrement de Jules Marchand")).toBeVisible();

  await page.reload();
  await expect(audio).toBeVisible();
  await audio.evaluate((element: HTMLAudioElement) => element.play());
  await expect
    .poll(() => audio.evaluate((element: HTMLAudioElement) => element.currentTime), { timeout: 10_000 })
    .toBeGreaterThan(2);
  const src = (await audio.getAttribute("src"))!;
  expect((await page.request.get(src)).headers()["content-type"]).toBe("audio/webm");

  // Deleting the reply deletes the recording.
  await reply.getByRole("button", { name: "Supprimer" }).first().click();
  await page.getByRole("dialog").getByRole("button", { name: "Supprimer" }).click();
  await expect(reply.getByText("Message supprimé par son auteur·ice.")).toBeVisible();
  await expect(reply.locator("audio")).toHaveCount(0);
  expect((await page.request.get(src)).status()).toBe(404);
});
