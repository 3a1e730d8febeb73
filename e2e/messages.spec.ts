import type { Page } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "./fixtures/axe";
import { facilitatorPage } from "./fixtures/community";
import { expect, test } from "./fixtures/test";
import { makePdf } from "../lib/uploads/test-pdfs";

/** Types a message in the conversation's composer and sends it. */
async function send(page: Page, text: string) {
  const box = page.getByRole("textbox", { name: "Votre message" });
  await box.click();
  await box.pressSequentially(text);
  await page.getByRole("button", { name: "Envoyer", exact: true }).click();
  await expect(page.getByTestId("messages").getByText(text)).toBeVisible();
}

/** From someone's profile, "Écrire à …", then the first message: lands on the conversation. */
async function writeFromProfile(page: Page, user: { id: string; name: string }, text: string): Promise<string> {
  await page.goto(`/u/${user.id}`);
  await page.getByRole("link", { name: `Écrire à ${user.name}` }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Nouveau message" })).toBeVisible();
  // Sent, the conversation's page opens with the message.
  await send(page, text);
  await expect(page).toHaveURL(/\/messages\/\d+$/);
  await expect(page.getByTestId("messages").getByText(text)).toBeVisible();
  return new URL(page.url()).pathname;
}

test("Camille writes to a pro from the pro's profile; the pro sees it live with the unread count, and replies", async ({
  newSession,
}) => {
  // The whole conversation: text, typing, a file, a reaction, an outsider, with five axe scans.
  test.slow();
  const camille = await newSession({ name: "Camille Écrit" });
  const pro = await newSession({ role: "pro", name: "Karim Pro" });
  await pro.page.goto("/messages");
  await expect(pro.page.getByText("Aucune conversation pour l'instant", { exact: false })).toBeVisible();
  await expectNoSeriousA11yViolations(pro.page);
  const messagesLink = pro.page.getByRole("banner").getByRole("link", { name: /^Messages/ });
  await expect(messagesLink).toHaveAccessibleName("Messages");

  const path = await writeFromProfile(camille.page, pro.user, "Bonjour Karim, puis-je vous envoyer mon CV ?");
  await expectNoSeriousA11yViolations(camille.page);

  // Live: the pro's header counts the new conversation without a reload.
  await expect(messagesLink).toHaveAccessibleName("Messages, 1 conversation non lue");
  await pro.page.reload();
  await expect(pro.page.getByRole("link", { name: /Camille Écrit/ })).toContainText("Non lu");
  await pro.page.getByRole("link", { name: /Camille Écrit/ }).click();
  await expect(pro.page).toHaveURL(new RegExp(`${path}$`));
  await expect(pro.page.getByText("Bonjour Karim, puis-je vous envoyer mon CV ?")).toBeVisible();
  // Opened: seen, the count drops, and Camille reads "Vu" live.
  await expect(pro.page.getByRole("banner").getByRole("link", { name: /^Messages/ })).toHaveAccessibleName("Messages");
  await expect(camille.page.getByTestId("seen-by")).toHaveText("Vu par Karim Pro");

  await send(pro.page, "Avec plaisir, envoyez-le moi ici.");
  await expect(camille.page.getByText("Avec plaisir, envoyez-le moi ici.")).toBeVisible();
  await expectNoSeriousA11yViolations(pro.page);

  // Survives a reload, in order, once each.
  await camille.page.reload();
  const bodies = camille.page.getByTestId("messages").locator(".prose-post");
  await expect(bodies).toHaveText([
    "Bonjour Karim, puis-je vous envoyer mon CV ?",
    "Avec plaisir, envoyez-le moi ici.",
  ]);

  // "Karim Pro écrit…" while he types, gone once his message arrives.
  const proBox = pro.page.getByRole("textbox", { name: "Votre message" });
  await proBox.click();
  await proBox.pressSequentially("Je regarde");
  // Camille's reloaded page may join the conversation's room just after the first signal; he
  // keeps typing, as people do, and the next signal (one per 2.5 s at most) reaches her.
  await expect(async () => {
    await proBox.press("End");
    await proBox.pressSequentially(".");
    await expect(camille.page.getByTestId("typing")).toHaveText("Karim Pro écrit…", { timeout: 3_000 });
  }).toPass({ timeout: 20_000 });
  await pro.page.getByRole("button", { name: "Envoyer", exact: true }).click();
  await expect(camille.page.getByTestId("messages").getByText("Je regarde")).toBeVisible();
  await expect(camille.page.getByTestId("typing")).toHaveText("");

  // Camille attaches her CV: the pro sees it live, with the unread count, and downloads it.
  await pro.page.goto("/messages");
  await camille.page.getByText("Joindre un fichier", { exact: false }).click();
  await camille.page
    .getByLabel("Fichier (PDF ou enregistrement audio)")
    .setInputFiles({ name: "CV Camille.pdf", mimeType: "application/pdf", buffer: Buffer.from(await makePdf(2)) });
  await camille.page.getByLabel("Quelques mots avec le fichier (facultatif)").fill("Voici mon CV");
  await camille.page.getByRole("button", { name: "Envoyer le fichier" }).click();
  const cvLink = camille.page.getByRole("link", { name: /Télécharger CV Camille\.pdf/ });
  await expect(cvLink).toBeVisible();
  await expect(pro.page.getByRole("banner").getByRole("link", { name: /^Messages/ })).toHaveAccessibleName(
    "Messages, 1 conversation non lue",
  );
  await pro.page.goto(path);
  const proCvLink = pro.page.getByRole("link", { name: /Télécharger CV Camille\.pdf/ });
  await expect(proCvLink).toBeVisible();
  const fileUrl = (await proCvLink.getAttribute("href"))!;
  const download = await pro.page.request.get(fileUrl);
  expect(download.status()).toBe(200);
  expect(download.headers()["content-type"]).toBe("application/pdf");
  expect(download.headers()["content-disposition"]).toContain("attachment");
  expect(download.headers()["x-content-type-options"]).toBe("nosniff");
  expect((await download.body()).subarray(0, 5).toString()).toBe("%PDF-");

  // The pro reacts; Camille sees it live.
  const cvMessage = pro.page.getByRole("article").filter({ hasText: "Voici mon CV" });
  await cvMessage.getByRole("button", { name: "Réagir", exact: true }).click();
  await cvMessage.getByRole("button", { name: "Réagir avec 👍" }).click();
  await expect(
    camille.page.getByRole("article").filter({ hasText: "Voici mon CV" }).getByRole("button", { name: /👍 1/ }),
  ).toBeVisible();
  await expectNoSeriousA11yViolations(pro.page);

  // Someone else guessing the address (of the conversation or of the file) gets a 404.
  const outsider = await newSession({ name: "Curieuse" });
  expect((await outsider.page.request.get(fileUrl)).status()).toBe(404);
  const response = await outsider.page.goto(path);
  expect(response?.status()).toBe(404);
  expect(
    (
      await outsider.page.request.get(`/api/v1/conversations${path.slice("/messages".length)}/messages?after=0`)
    ).status(),
  ).toBe(404);
});

test("Camille blocks Yanis: Yanis can no longer write to her", async ({ newSession }) => {
  const camille = await newSession({ name: "Camille Bloque" });
  const yanis = await newSession({ name: "Yanis Insiste" });
  const path = await writeFromProfile(yanis.page, camille.user, "Salut Camille !");

  await camille.page.goto(path);
  camille.page.once("dialog", (dialog) => void dialog.accept());
  await camille.page.getByRole("button", { name: "Bloquer Yanis Insiste" }).click();
  await expect(camille.page.getByRole("button", { name: "Débloquer Yanis Insiste" })).toBeVisible();

  await yanis.page.reload();
  await expect(yanis.page.getByText("Vous ne pouvez plus écrire dans cette conversation.")).toBeVisible();
  await expect(yanis.page.getByRole("textbox", { name: "Votre message" })).toHaveCount(0);
  await yanis.page.goto(`/u/${camille.user.id}`);
  await expect(yanis.page.getByRole("link", { name: "Écrire à Camille Bloque" })).toHaveCount(0);
  // The API refuses too (no leak of why).
  const refused = await yanis.page.request.post(`/api/v1/conversations${path.slice("/messages".length)}/messages`, {
    headers: { Origin: new URL(yanis.page.url()).origin },
    data: {
      body: { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "Et maintenant ?" }] }] },
      idempotencyKey: crypto.randomUUID(),
    },
  });
  expect(refused.status()).toBe(403);
  await camille.page.reload();
  await expect(camille.page.getByText("Et maintenant ?")).toHaveCount(0);
});

test("a reported message reaches the facilitators' queue with its context and nothing else", async ({
  newSession,
  browser,
  request,
}) => {
  const camille = await newSession({ name: "Camille Signale" });
  const yanis = await newSession({ name: "Yanis Lourd" });
  const path = await writeFromProfile(yanis.page, camille.user, "Premier message de Yanis");
  await send(yanis.page, "Deuxième message de Yanis");
  await send(yanis.page, "Message déplacé de Yanis");

  await camille.page.goto(path);
  const reported = camille.page.getByRole("article").filter({ hasText: "Message déplacé de Yanis" });
  await reported.getByRole("button", { name: "Signaler" }).click();
  const dialog = camille.page.getByRole("dialog");
  await expect(dialog).toContainText("quelques messages qui le précèdent, rien d'autre");
  await dialog.getByLabel("Pourquoi ce message pose problème ?").fill("Propos insistants et déplacés");
  await dialog.getByRole("button", { name: "Envoyer le signalement" }).click();
  await expect(camille.page.getByText("Merci, l'équipe d'animation a reçu votre signalement.")).toBeVisible();
  await send(camille.page, "Réponse privée après le signalement");

  const staff = await facilitatorPage(browser, request);
  await staff.page.goto("/moderation/reports");
  const report = staff.page
    .getByTestId("message-report")
    .filter({ hasText: "Camille Signale signale un message de Yanis Lourd" });
  await expect(report).toBeVisible();
  await expect(report).toContainText("Propos insistants et déplacés");
  await expect(report).toContainText("Premier message de Yanis");
  await expect(report).toContainText("Message déplacé de Yanis");
  await expect(staff.page.getByText("Réponse privée après le signalement")).toHaveCount(0);
  await expectNoSeriousA11yViolations(staff.page);
  // Facilitators cannot open the conversation itself.
  expect((await staff.page.goto(path))?.status()).toBe(404);
  await staff.close();
});

test("a facilitator pairs a newcomer with a volunteer; both see the binôme on their home page and the opened conversation", async ({
  newSession,
  browser,
  request,
}) => {
  // Three accounts, two axe scans and a live conversation: slow on a busy machine.
  test.slow();
  // Names of their own: a retry (or another run on the same data) must not find two such pairs.
  const suffix = crypto.randomUUID().slice(0, 4);
  const vera = `Véra Volontaire ${suffix}`;
  const noe = `Noé Nouveau ${suffix}`;
  const volunteer = await newSession({ role: "pro", name: vera });
  await volunteer.page.goto("/settings/messages");
  await volunteer.page.getByLabel(/Je suis volontaire pour être binôme/).fill("2");
  await volunteer.page.getByLabel("Note de disponibilité (facultative)").fill("répond en général sous 3 jours");
  await volunteer.page.getByRole("button", { name: "Enregistrer" }).click();
  await expect(volunteer.page.getByText("Réglages enregistrés.")).toBeVisible();
  await expectNoSeriousA11yViolations(volunteer.page);
  const newcomer = await newSession({ name: noe });

  const staff = await facilitatorPage(browser, request);
  await staff.page.goto("/moderation/binomes");
  await staff.page.getByLabel(/Nouveau membre/).selectOption({ label: noe });
  await staff.page.getByLabel("Volontaire").selectOption({ label: `${vera} (2 places)` });
  await staff.page.getByRole("button", { name: "Former le binôme" }).click();
  await expect(staff.page.getByText("Binôme formé", { exact: false })).toBeVisible();
  await staff.page.reload();
  const pair = staff.page.getByTestId("buddy-pair").filter({ hasText: `${noe} avec ${vera}` });
  await expect(pair).toContainText("pas encore d'échange");
  await expectNoSeriousA11yViolations(staff.page);

  await newcomer.page.goto("/");
  await expect(newcomer.page.getByRole("heading", { name: `Ton binôme : ${vera}` })).toBeVisible();
  await newcomer.page.getByRole("link", { name: "Ouvrir la conversation" }).click();
  await expect(newcomer.page.getByText(`Bonjour ${noe} ! Je suis ${vera}`, { exact: false })).toBeVisible();
  await send(newcomer.page, "Merci Véra, ravi de te rencontrer");
  await volunteer.page.goto("/");
  await expect(volunteer.page.getByRole("heading", { name: `Ton binôme : ${noe}` })).toBeVisible();

  // The facilitator sees that they talked, not what they said.
  await staff.page.reload();
  await expect(pair).toContainText("dernier échange le");
  await expect(staff.page.getByText("ravi de te rencontrer")).toHaveCount(0);
  await staff.close();
});

test("someone added to a group appears at once in the others' open conversation", async ({ newSession }) => {
  test.slow();
  const suffix = crypto.randomUUID().slice(0, 4);
  const [owner, reader, other, newcomer] = await Promise.all([
    newSession({ name: `Ophélie Groupe ${suffix}` }),
    newSession({ name: `Romain Groupe ${suffix}` }),
    newSession({ name: `Inès Groupe ${suffix}` }),
    newSession({ name: `Zoé Ajoutée ${suffix}` }),
  ]);
  const started = await owner.context.request.post("/api/v1/conversations", {
    data: {
      participantIds: [reader.user.id, other.user.id],
      title: `Groupe ${suffix}`,
      body: { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "On s'entraîne ?" }] }] },
      idempotencyKey: crypto.randomUUID(),
    },
  });
  expect(started.status()).toBe(201);
  const { conversationId } = (await started.json()) as { conversationId: number };
  await reader.page.goto(`/messages/${conversationId}`);
  const header = reader.page.getByRole("main").locator("header").first();
  await expect(header).toContainText(owner.user.name);
  await expect(header).not.toContainText(newcomer.user.name);

  await owner.page.goto(`/messages/${conversationId}`);
  await owner.page.getByText("Ajouter des personnes au groupe").click();
  await owner.page.getByLabel("Ajouter une personne (groupe jusqu'à 8)").fill(newcomer.user.name);
  await owner.page.getByRole("button", { name: newcomer.user.name }).click();
  await owner.page.getByRole("button", { name: "Ajouter", exact: true }).click();
  await expect(owner.page.getByText("1 personne ajoutée.")).toBeVisible();

  // Romain's page was open all along: the list of participants follows without a reload.
  await expect(header.getByRole("link", { name: newcomer.user.name })).toBeVisible();
  await newcomer.page.goto(`/messages/${conversationId}`);
  await expect(newcomer.page.getByText("On s'entraîne ?")).toBeVisible();
});
