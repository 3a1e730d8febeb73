/**
 * The two shipped programme templates: each is a valid file, imports into a fresh database
 * with the expected result, and exports back to the same content (export → import → export).
 * A broken file names its faulty fields and changes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listChannels } from "@/db/queries/channels";
import { channels, settings } from "@/db/schema";
import { createServiceTestDb } from "@/db/service-testing";
import type { TestDb } from "@/db/testing";
import { applyTemplate, builtInTemplate, exportTemplate } from "./apply";
import { importTemplate } from "./import";
import { programmeTemplateSchema } from "./schema";
import entraideFile from "./templates/entraide.json";
import propulseFile from "./templates/propulse.json";

let testDb: TestDb;
beforeAll(async () => {
  testDb = await createServiceTestDb();
});
afterAll(() => testDb.close());

describe("programme templates", () => {
  it("imports as a dry run by default: the changes are listed, nothing is written", async () => {
    const channelsBefore = await testDb.db.select().from(channels);
    const result = await importTemplate(testDb.db, entraideFile, { apply: false });
    expect(result).toMatchObject({ ok: true, isApplied: false });
    const changes = result.ok ? result.changes : [];
    expect(changes).toEqual(expect.arrayContaining(["~ salon victoires : name, description, rules, position"]));
    expect(changes.some((line) => line.startsWith("= salon cv"))).toBe(true);
    expect(await testDb.db.select().from(channels)).toEqual(channelsBefore);
  });

  it("ships two valid files", () => {
    expect(programmeTemplateSchema.safeParse(propulseFile).success).toBe(true);
    expect(programmeTemplateSchema.safeParse(entraideFile).success).toBe(true);
  });

  it("describes today's programme: a fresh database already matches the Pro'pulse template (English names too)", async () => {
    const exported = await exportTemplate(testDb.db);
    const propulse = builtInTemplate("propulse");
    expect(
      exported.channels.map(({ slug, name, description, rules, visibility, position }) => ({
        slug,
        name,
        description,
        rules,
        visibility,
        position,
      })),
    ).toEqual(
      propulse.channels.map(({ slug, name, description, rules, visibility, position }) => ({
        slug,
        name,
        description,
        rules,
        visibility,
        position,
      })),
    );
    expect(exported.checkin).toEqual(propulse.checkin);
  });

  it("imports the Pro'pulse template and exports it back unchanged", async () => {
    const template = builtInTemplate("propulse");
    await testDb.db.transaction((tx) => applyTemplate(tx, template));
    const once = await exportTemplate(testDb.db);
    expect(once).toEqual(template);
    await testDb.db.transaction((tx) => applyTemplate(tx, once));
    expect(await exportTemplate(testDb.db)).toEqual(once);
  });

  it("imports the minimal Communauté d'entraide template: its names and questions, no channel deleted", async () => {
    const before = (await listChannels(testDb.db)).length;
    const template = builtInTemplate("entraide");
    await testDb.db.transaction((tx) => applyTemplate(tx, template));
    const after = await listChannels(testDb.db);
    expect(after).toHaveLength(before);
    const bySlug = new Map(after.map((channel) => [channel.slug, channel]));
    expect(bySlug.get("victoires")?.name).toBe("Bonnes nouvelles");
    expect(bySlug.get("offres")?.visibility).toBe("public");
    const exported = await exportTemplate(testDb.db);
    expect(exported.admission.questions).toEqual(["Qu'est-ce qui vous amène dans la communauté ?"]);
    expect(exported.id).toBe("entraide");
  });

  it("refuses a broken file whole, naming the fields, before anything is written", async () => {
    const broken = structuredClone(entraideFile) as unknown as {
      channels: Record<string, unknown>[];
      checkin: { day: number };
    };
    broken.channels[1]!.slug = "Pas Un Slug";
    broken.channels[2]!.visibility = "everyone";
    broken.checkin.day = 9;
    broken.channels[0]!.name = { fr: "Offres du territoire", en: "Local offers" };
    const channelsBefore = await testDb.db.select().from(channels);
    const settingsBefore = await testDb.db.select().from(settings);
    const result = await importTemplate(testDb.db, broken, { apply: true });
    expect(result.ok).toBe(false);
    const lines = result.ok ? [] : result.errors;
    expect(lines.map((line) => line.split(":")[0])).toEqual(
      expect.arrayContaining(["channels.1.slug", "channels.2.visibility", "checkin.day"]),
    );
    // Nothing reached the database, not even the valid first channel's new name.
    expect(await testDb.db.select().from(channels)).toEqual(channelsBefore);
    expect(await testDb.db.select().from(settings)).toEqual(settingsBefore);
  });
});
