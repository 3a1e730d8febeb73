import { createReply, createThread } from "./fixtures/forum";
import { expectNoSeriousA11yViolations } from "./fixtures/axe";
import { expect, test } from "./fixtures/test";

test("B replies to A's thread: A's bell rises live, links to the reply, and reading it clears A's other tab", async ({
  memberContext,
  member,
  newSession,
}) => {
  const bruno = await newSession({ name: "Bruno Cloche" });
  const thread = await createThread(memberContext.request, { title: "Mon CV pour une SCOP" });
  const [first, second] = [await memberContext.newPage(), await memberContext.newPage()];
  // Vie du programme is watched by default: other specs' threads there would ring this bell too.
  await first.goto("/c/programme");
  await first.getByRole("combobox", { name: "Notifications pour ce salon" }).selectOption("muted");
  await expect(first.getByText("Préférence enregistrée")).toBeVisible();
  await memberContext.request.post("/api/notifications/read", { data: { all: true } });
  await first.goto("/");
  await second.goto("/c/entraide");
  const bell = (page: typeof first) => page.getByRole("button", { name: /^Notifications/ });
  await expect(bell(first)).toHaveAccessibleName("Notifications");

  const reply = await createReply(bruno.context.request, thread.id, { text: "Ajoute ton service civique" });
  expect(reply.status()).toBe(201);
  // Live: neither page reloads.
  await expect(bell(first)).toHaveAccessibleName("Notifications, 1 non lue");
  await expect(bell(second)).toHaveAccessibleName("Notifications, 1 non lue");
  await expect(first).toHaveTitle(/^\(1\) /);

  await bell(first).click();
  const line = first.getByRole("link", { name: /Bruno Cloche vous a répondu dans « Mon CV pour une SCOP »/ });
  await expect(line).toBeVisible();
  await expect(line).toContainText("Ajoute ton service civique");
  await line.click();
  await expect(first).toHaveURL(new RegExp(`/c/entraide/${thread.id}-[^?]+\\?post=2#p2$`));
  await expect(first.locator("#p2")).toContainText("Ajoute ton service civique");

  // Read on one tab, read everywhere.
  await expect(bell(second)).toHaveAccessibleName("Notifications");
  await expect(second).not.toHaveTitle(/^\(\d+\) /);
  void member;
});

test("the notifications page and preferences: saved, kept after a reload, accessible", async ({
  memberPage,
  newSession,
}) => {
  const author = await newSession({ name: "Nora Notif" });
  const thread = await createThread(author.context.request, { title: "Atelier pitch jeudi" });
  // The member follows the thread by replying; the author's answer then notifies them.
  expect((await createReply(memberPage.context().request, thread.id, { text: "Je viens" })).status()).toBe(201);
  expect((await createReply(author.context.request, thread.id, { text: "Super, à jeudi" })).status()).toBe(201);

  await memberPage.goto("/notifications");
  await expect(memberPage.getByRole("heading", { name: "Notifications", level: 1 })).toBeVisible();
  await expect(
    memberPage.getByRole("link", { name: /Nora Notif a répondu dans « Atelier pitch jeudi »/ }),
  ).toBeVisible();
  await expectNoSeriousA11yViolations(memberPage);
  await memberPage.getByRole("button", { name: "Tout marquer comme lu" }).click();
  await expect(memberPage.getByRole("button", { name: "Tout marquer comme lu" })).toHaveCount(0);

  await memberPage.goto("/settings/notifications");
  const mentionEmail = memberPage.getByRole("combobox", { name: "E-mail : Quelqu'un me mentionne" });
  await expect(mentionEmail).toHaveValue("now");
  await mentionEmail.selectOption("digest");
  await memberPage.getByRole("checkbox", { name: "Sur mes appareils : Une question sur mon offre" }).uncheck();
  await memberPage.getByRole("radio", { name: /Chaque jour/ }).check();
  await memberPage.getByRole("button", { name: "Enregistrer" }).click();
  await expect(memberPage.getByText("Préférences enregistrées")).toBeVisible();
  await expectNoSeriousA11yViolations(memberPage);

  await memberPage.reload();
  await expect(memberPage.getByRole("combobox", { name: "E-mail : Quelqu'un me mentionne" })).toHaveValue("digest");
  await expect(
    memberPage.getByRole("checkbox", { name: "Sur mes appareils : Une question sur mon offre" }),
  ).not.toBeChecked();
  await expect(memberPage.getByRole("radio", { name: /Chaque jour/ })).toBeChecked();
});

test("a muted thread stays silent; a saved offer search is listed in the preferences", async ({
  memberPage,
  newSession,
}) => {
  const author = await newSession({ name: "Marc Muet" });
  const thread = await createThread(author.context.request, { title: "Fil à mettre en silencieux" });
  expect((await createReply(memberPage.context().request, thread.id, { text: "Premier" })).status()).toBe(201);
  await memberPage.goto(thread.path);
  const level = memberPage.getByRole("combobox", { name: "Notifications pour ce fil" });
  await expect(level).toHaveValue("watching");
  await level.selectOption("muted");
  await expect(memberPage.getByText("Préférence enregistrée")).toBeVisible();
  await memberPage.reload();
  await expect(memberPage.getByRole("combobox", { name: "Notifications pour ce fil" })).toHaveValue("muted");
  expect((await createReply(author.context.request, thread.id, { text: "Personne ne le saura" })).status()).toBe(201);
  await memberPage.goto("/notifications");
  await expect(memberPage.getByText("Rien de nouveau pour l'instant.")).toBeVisible();

  await memberPage.goto("/c/offres?contract=cdi&workMode=remote");
  await memberPage.getByRole("button", { name: "Enregistrer cette recherche" }).click();
  await expect(memberPage.getByRole("status").filter({ hasText: "Recherche enregistrée" }).first()).toBeVisible();
  await memberPage.goto("/settings/notifications");
  const saved = memberPage.getByRole("link", { name: "CDI · Télétravail" });
  await expect(saved).toHaveAttribute("href", "/c/offres?contract=cdi&workMode=remote");
  await memberPage.getByRole("button", { name: "Supprimer" }).click();
  await expect(saved).toHaveCount(0);
});
