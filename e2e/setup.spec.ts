import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test, type Page, type Request } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "./fixtures/axe";
import { createDatabase, startServer, stopServer, type AppServer } from "./fixtures/servers";
import { lastEmailTo } from "./fixtures/users";

// Production instances on a fresh database, without the demo seed: each starts empty and opens
// on the setup wizard. The embedded one always runs; the PostgreSQL one when TEST_DATABASE_URL
// names a server (a private database is created for it and dropped afterwards).
// (Ports of other specs: playwright.config's PostgreSQL server + 1, process + 3…6, faults + 7…9,
// proxy + 41…44, network + 45; this spec + 46 (embedded) and + 47 (PostgreSQL).)
const BASE_PORT = Number(process.env.E2E_PORT ?? 3210);
const TITLE = "a fresh instance is set up in the browser: its name, colours and programme everywhere, and never twice";

test.describe("setup on a fresh embedded database", () => {
  let server: AppServer;
  let dataDir: string;

  test.beforeAll(async () => {
    test.setTimeout(300_000);
    dataDir = mkdtempSync(path.join(tmpdir(), "propulse-setup-"));
    server = await startServer(
      BASE_PORT + 46,
      { DATA_DIR: dataDir, DATABASE_URL: "", SEED_ON_EMPTY: "false" },
      { timeoutMs: 280_000 },
    );
  });

  test.afterAll(async () => {
    if (server) await stopServer(server);
    rmSync(dataDir, { recursive: true, force: true });
  });

  test(TITLE, async ({ page }) => {
    test.setTimeout(120_000);
    await setUpFreshInstance(page, server.url, dataDir);
  });
});

const adminUrl = process.env.TEST_DATABASE_URL;
if (adminUrl) {
  test.describe("setup on a fresh PostgreSQL database", () => {
    let server: AppServer | undefined;
    let database: { url: string; drop: () => Promise<void> } | undefined;
    let dataDir: string;

    test.beforeAll(async () => {
      test.setTimeout(300_000);
      // Uploads and the outbox still go to a folder; the data itself lives in PostgreSQL.
      dataDir = mkdtempSync(path.join(tmpdir(), "propulse-setup-pg-"));
      database = await createDatabase(adminUrl);
      server = await startServer(
        BASE_PORT + 47,
        {
          DATA_DIR: dataDir,
          DATABASE_URL: database.url,
          SEED_ON_EMPTY: "false",
          AUTH_SECRET: "e2e-setup-postgres-secret-0123456789abcdef",
        },
        { timeoutMs: 280_000 },
      );
    });

    test.afterAll(async () => {
      if (server) await stopServer(server);
      await database?.drop();
      rmSync(dataDir, { recursive: true, force: true });
    });

    test(TITLE, async ({ page }) => {
      test.setTimeout(120_000);
      await setUpFreshInstance(page, server!.url, dataDir);
    });
  });
}

/**
 * The scenario, whatever the database: the wizard refuses an unreadable colour, creates the
 * community, its first admin signs in and sees its name, colours and programme everywhere
 * (manifest and e-mails included), and the wizard cannot be replayed. `dataDir`: the server's
 * folder, where its outbox is.
 */
async function setUpFreshInstance(page: Page, baseUrl: string, dataDir: string) {
  await page.goto(`${baseUrl}/`);
  await expect(page).toHaveURL(/\/installation$/);
  await expect(page.getByRole("heading", { level: 1, name: "Installer votre communauté" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  await page.getByLabel("Nom de la communauté").fill("Entraide emploi Lyon");
  await page.getByLabel("Description courte").fill("L'entraide vers l'emploi dans la métropole de Lyon.");
  await page.getByLabel("Territoire").fill("Métropole de Lyon");
  await page.getByLabel("Structure qui l'anime").fill("Association Tremplin Rhône");
  await page.getByLabel("Votre nom").fill("Inès Garnier");
  await page.getByLabel("Votre adresse e-mail").fill("ines@entraide-lyon.example");
  await page.getByLabel("Mot de passe").fill("un mot de passe solide 42");
  await page.getByLabel(/Sur invitation seulement/).check();
  await page.getByLabel(/Communauté d'entraide/).check();

  // A pale yellow is unreadable under white text: refused, with the reason, nothing created.
  await page.getByLabel("Couleur principale").fill("#f5d90a");
  await expect(page.getByText(/trop faible/).first()).toBeVisible();
  await page.getByRole("button", { name: "Créer la communauté" }).click();
  await expect(page.getByText(/n'offre pas un contraste suffisant/)).toBeVisible();
  await expect(page).toHaveURL(/\/installation$/);

  await page.getByLabel("Couleur principale").fill("#1d4ed8");
  await page.getByLabel("Couleur secondaire").fill("#047857");
  await page.getByLabel("Mot de passe").fill("un mot de passe solide 42");
  let submission: Request | null = null;
  page.on("request", (request) => {
    if (request.method() === "POST" && request.url().endsWith("/installation")) submission = request;
  });
  await page.getByRole("button", { name: "Créer la communauté" }).click();
  await expect(page).toHaveURL(/\/sign-in\?installed=1$/);
  await expect(page.getByText("Votre communauté est prête")).toBeVisible();

  await page.getByLabel(/e-mail/i).fill("ines@entraide-lyon.example");
  await page.getByLabel(/mot de passe/i).fill("un mot de passe solide 42");
  await page.getByRole("button", { name: /se connecter/i }).click();
  await expect(page).toHaveURL(`${baseUrl}/`);

  // The new name in the header and the title, the new colours as the theme's custom properties.
  await expect(page.getByRole("banner").getByText("Entraide emploi Lyon")).toBeVisible();
  await expect(page).toHaveTitle(/Entraide emploi Lyon/);
  const brand = await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue("--color-brand"));
  expect(brand.trim()).toBe("#1d4ed8");
  await expect(page.getByRole("contentinfo")).not.toContainText("Pro'pulse");
  // The minimal programme's channels.
  await page.goto(`${baseUrl}/c/victoires`);
  await expect(page.getByRole("heading", { level: 1, name: "Bonnes nouvelles" })).toBeVisible();

  const manifest = await (await page.request.get(`${baseUrl}/manifest.webmanifest`)).json();
  expect(manifest).toMatchObject({
    short_name: "Entraide emploi Lyon",
    description: "L'entraide vers l'emploi dans la métropole de Lyon.",
    theme_color: "#1d4ed8",
  });

  // The e-mails: a password reset asked from a signed-out browser comes from the community,
  // in its name.
  const visitor = await page.context().browser()!.newPage();
  await visitor.goto(`${baseUrl}/forgot-password`);
  await visitor.getByLabel("Adresse e-mail").fill("ines@entraide-lyon.example");
  await visitor.getByRole("button", { name: "Envoyer le lien" }).click();
  await expect(visitor.getByText(/Si un compte existe pour/)).toBeVisible();
  await visitor.close();
  await expect.poll(() => lastEmailTo("ines@entraide-lyon.example", dataDir)?.subject).toContain("mot de passe");
  const mail = lastEmailTo("ines@entraide-lyon.example", dataDir)!;
  // (Account mails are plain text: no colour to check in this one.)
  expect(mail.from).toContain("Entraide emploi Lyon");
  expect(mail.subject).toBe("Choisir un nouveau mot de passe Entraide emploi Lyon");
  expect(mail.text).toContain("L'équipe Entraide emploi Lyon");
  expect(`${mail.subject}\n${mail.text}`).not.toContain("Pro'pulse");

  // The wizard is gone: a second visit is a 404, and replaying its POST (another name and
  // admin) changes nothing.
  const second = await page.request.get(`${baseUrl}/installation`);
  expect(second.status()).toBe(404);
  const captured = submission as Request | null;
  expect(captured).not.toBeNull();
  const replayBody = captured!
    .postDataBuffer()!
    .toString("latin1")
    .replace("Entraide emploi Lyon", "Prise de contrôle")
    .replace("ines@entraide-lyon.example", "intrus@example.org");
  const headers = await captured!.allHeaders();
  await page.request.post(`${baseUrl}/installation`, {
    headers: {
      "content-type": headers["content-type"]!,
      "next-action": headers["next-action"]!,
      accept: "text/x-component",
    },
    data: Buffer.from(replayBody, "latin1"),
    maxRedirects: 0,
  });
  await page.goto(`${baseUrl}/`);
  await expect(page.getByRole("banner").getByText("Entraide emploi Lyon")).toBeVisible();
  await expect(page.getByText("Prise de contrôle")).toHaveCount(0);
}
