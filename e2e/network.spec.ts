import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "./fixtures/axe";
import { createOffer } from "./fixtures/offers";
import { startServer, stopServer, type AppServer } from "./fixtures/servers";
import { createUser, signInOverHttp } from "./fixtures/users";

// Two local instances: the e2e server (this spec's baseURL) publishes offers; a second one, on
// its own embedded database, follows it. Local addresses are accepted there only because of
// NETWORK_ALLOW_LOCAL_SOURCES=1 (a production instance refuses them: lib/outbound).
const PORT = Number(process.env.E2E_PORT ?? 3210);
const FOLLOWER_PORT = PORT + 45;

test("a community follows another's offers: attributed, linked back, filtered, refreshed", async ({
  browser,
  request,
  baseURL,
}) => {
  test.setTimeout(360_000);
  const dir = mkdtempSync(join(tmpdir(), "propulse-network-"));
  let follower: AppServer | undefined;
  try {
    // A fresh embedded database: its first start creates and migrates it.
    follower = await startServer(
      FOLLOWER_PORT,
      { DATA_DIR: dir, DATABASE_URL: "", NETWORK_ALLOW_LOCAL_SOURCES: "1" },
      { timeoutMs: 240_000 },
    );

    // On the followed community: a pro publishes two offers.
    const pro = await createUser(request, { role: "pro", name: "Paul Employeur" });
    const proContext = await browser.newContext();
    await signInOverHttp(proContext, pro);
    const suffix = randomUUID().slice(0, 6);
    const cdd = await createOffer(proContext.request, {
      contract: "cdd",
      title: `Animateur·rice réseau CDD ${suffix}`,
    });
    const cdi = await createOffer(proContext.request, {
      contract: "cdi",
      title: `Coordinateur·rice réseau CDI ${suffix}`,
    });

    // On the follower: its admin follows the first community.
    const adminContext = await browser.newContext({ baseURL: follower.url });
    const admin = await createUser(adminContext.request, { role: "admin", name: "Alice Réseau" });
    await signInOverHttp(adminContext, admin);
    const page = await adminContext.newPage();
    await page.goto("/moderation/reseau");
    await page.getByLabel("Nom affiché").fill("Pro'pulse Paris");
    // A private address is refused with a clear message, and what was typed stays.
    await page.getByLabel("Adresse de la communauté").fill("https://192.168.1.20");
    await page.getByRole("button", { name: "Suivre", exact: true }).click();
    await expect(page.getByText("Indiquez une adresse https:// publique")).toBeVisible();
    await expect(page.getByLabel("Nom affiché")).toHaveValue("Pro'pulse Paris");
    await page.getByLabel("Adresse de la communauté").fill(baseURL!);
    await page.getByRole("button", { name: "Suivre", exact: true }).click();
    await expect(page.getByText(/Communauté suivie : \d+ offre\(s\) récupérée\(s\)/)).toBeVisible();
    await expect(page.getByRole("listitem").filter({ hasText: "Pro'pulse Paris" })).toContainText(baseURL!);
    await expectNoSeriousA11yViolations(page);

    // A visitor of the follower finds them from the offers channel.
    const visitorContext = await browser.newContext({ baseURL: follower.url });
    const visitor = await visitorContext.newPage();
    await visitor.goto("/c/offres");
    await visitor.getByRole("link", { name: /Offres du réseau \(\d+\)/ }).click();
    await expect(visitor.getByRole("heading", { name: "Offres du réseau", level: 1 })).toBeVisible();
    const card = visitor.getByRole("article").filter({ hasText: cdd.title });
    await expect(card).toContainText("via Pro'pulse Paris");
    await expect(card.getByRole("link", { name: cdd.title })).toHaveAttribute("href", new RegExp(`${cdd.path}$`));
    await expectNoSeriousA11yViolations(visitor);

    await visitor.getByLabel("Contrat").selectOption("cdi");
    await visitor.getByRole("button", { name: "Filtrer" }).click();
    await expect(visitor.getByRole("article").filter({ hasText: cdi.title })).toBeVisible();
    await expect(visitor.getByRole("article").filter({ hasText: cdd.title })).toHaveCount(0);

    // Filled on the followed community: gone from the follower at the next refresh.
    const filled = await proContext.request.patch(`/api/v1/job-offers/${cdi.id}`, { data: { status: "filled" } });
    expect(filled.status()).toBe(200);
    await page.getByRole("button", { name: "Actualiser Pro'pulse Paris" }).click();
    await expect(page.getByText("Offres actualisées.")).toBeVisible();
    await visitor.reload();
    // (The followed community has other CDI offers: this one alone is gone.)
    await expect(visitor.getByRole("heading", { name: "Offres du réseau", level: 1 })).toBeVisible();
    await expect(visitor.getByRole("article").filter({ hasText: cdi.title })).toHaveCount(0);

    // Unfollowing removes the copies.
    await page.getByRole("button", { name: "Ne plus suivre Pro'pulse Paris" }).click();
    await expect(page.getByText("Aucune communauté suivie pour l'instant.")).toBeVisible();
    await visitor.goto("/c/offres/reseau");
    await expect(visitor.getByText("Cette communauté ne suit encore aucune autre communauté.")).toBeVisible();
    await Promise.all([proContext.close(), adminContext.close(), visitorContext.close()]);
  } finally {
    if (follower) await stopServer(follower);
    rmSync(dir, { recursive: true, force: true });
  }
});
