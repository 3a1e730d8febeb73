import { randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import type { Locator, Page } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "./fixtures/axe";
import { expect, test } from "./fixtures/test";

/**
 * The programme as a file in the admin settings page. The e2e server is shared by every spec:
 * the import renames one channel that no other spec names (the cover letters' review channel)
 * and the original file is imported back at the end, whatever happened.
 */

type ProgrammeFile = { channels: { slug: string; name: { fr: string; en: string }; visibility: string }[] };

const SLUG = "lettres";

function programmeSection(page: Page): Locator {
  return page.getByRole("region", { name: "Programme", exact: true });
}

/** Chooses a file (from memory) in the import form and runs the dry run. */
async function checkFile(page: Page, name: string, content: string) {
  const section = programmeSection(page);
  await section
    .getByLabel("Fichier du programme (JSON)")
    .setInputFiles({ name, mimeType: "application/json", buffer: Buffer.from(content) });
  await section.getByRole("button", { name: "Vérifier le fichier" }).click();
}

function renamed(file: ProgrammeFile, name: string): ProgrammeFile {
  const copy = structuredClone(file);
  copy.channels.find((channel) => channel.slug === SLUG)!.name.fr = name;
  return copy;
}

async function channelTab(page: Page, name: string): Promise<Locator> {
  await page.goto("/");
  return page.getByRole("navigation", { name: "Salons" }).getByRole("link", { name, exact: true });
}

test("an admin exports the programme, imports a renamed channel after a dry run, and a broken file changes nothing", async ({
  newSession,
}) => {
  test.setTimeout(120_000);
  const { page, user } = await newSession({ role: "admin" });
  await page.goto("/moderation/settings");
  const section = programmeSection(page);
  await expect(section.getByRole("heading", { level: 2, name: "Programme" })).toBeVisible();

  const downloading = page.waitForEvent("download");
  await section.getByRole("link", { name: "Exporter le programme" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^programme-\d{4}-\d{2}-\d{2}\.json$/);
  const original = JSON.parse(await readFile((await download.path())!, "utf8")) as ProgrammeFile;
  expect(original.channels.map((channel) => channel.slug)).toEqual(
    expect.arrayContaining(["offres", "entraide", SLUG, "victoires"]),
  );
  const originalName = original.channels.find((channel) => channel.slug === SLUG)!.name.fr;
  const newName = `Lettres relues ${randomUUID().slice(0, 6)}`;

  try {
    // Not JSON: refused on the file field.
    await checkFile(page, "notes.json", "{ pas du json");
    await expect(section.getByText("Ce fichier n'est pas du JSON valide : rien n'a été importé.")).toBeVisible();

    // A broken file (one bad field, next to a rename): the field's path, and nothing written.
    const broken = renamed(original, "Ne doit jamais apparaître");
    broken.channels[1]!.visibility = "secret";
    await checkFile(page, "programme-casse.json", JSON.stringify(broken));
    const problems = section.getByRole("alert");
    await expect(problems).toContainText("« programme-casse.json » n'a pas été importé et rien n'a été modifié.");
    await expect(problems.getByRole("listitem")).toHaveCount(1);
    await expect(problems.getByRole("listitem")).toContainText("channels.1.visibility : Option invalide");
    await expect(section.getByRole("button", { name: "Appliquer ces changements" })).toHaveCount(0);
    await expectNoSeriousA11yViolations(page);

    // The renamed channel: the dry run's line, nothing changed yet, then applied.
    await checkFile(page, "programme.json", JSON.stringify(renamed(original, newName), null, 2));
    await expect(section.getByRole("heading", { name: "Ce qui changerait" })).toBeVisible();
    await expect(section.getByText("« programme.json » est valide. Rien n'est encore modifié.")).toBeVisible();
    await expect(section.getByText(`~ salon ${SLUG} : name`, { exact: true })).toBeVisible();
    await expectNoSeriousA11yViolations(page);
    const applyButton = section.getByRole("button", { name: "Appliquer ces changements" });
    // Keyboard: the outcome takes the focus, the apply button is the next stop.
    await page.keyboard.press("Tab");
    await expect(applyButton).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(section.getByText("Programme importé : 1 changement appliqué.")).toBeVisible();

    await expect(await channelTab(page, newName)).toBeVisible();
    await expect(page.getByText("Ne doit jamais apparaître")).toHaveCount(0);
    await page.goto("/moderation/audit?action=programme.import");
    await expect(
      page
        .getByRole("main")
        .getByRole("listitem")
        .filter({ hasText: user.name })
        .filter({ hasText: "a importé un programme" }),
    ).toHaveCount(1);
  } finally {
    // Back to the demo's programme: the original file, through the same two steps.
    await page.goto("/moderation/settings");
    await checkFile(page, "programme-origine.json", JSON.stringify(original));
    const apply = section.getByRole("button", { name: "Appliquer ces changements" });
    await expect(apply.or(section.getByText(/^Aucun changement/))).toBeVisible();
    if (await apply.isVisible()) {
      await apply.click();
      await expect(section.getByText(/^Programme importé/)).toBeVisible();
    }
  }
  await expect(await channelTab(page, originalName)).toBeVisible();
});

test("a facilitator who is not an admin has no programme section, and the export does not exist for them", async ({
  newSession,
}) => {
  const { page } = await newSession({ role: "facilitator" });
  await page.goto("/moderation/settings");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(programmeSection(page)).toHaveCount(0);
  const response = await page.request.get("/moderation/settings/programme/export");
  expect(response.status()).toBe(404);
  expect(response.headers()["content-disposition"]).toBeUndefined();
});
