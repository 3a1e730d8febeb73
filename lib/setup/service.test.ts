/**
 * The setup wizard on a fresh database (no account, as a production instance starts): it makes
 * the first admin, the identity, the admission mode and the chosen programme, in one go; a
 * second submission (a replay, a direct POST) is refused and changes nothing.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listChannels } from "@/db/queries/channels";
import { auditLog, settings, users } from "@/db/schema";
import { createServiceTestDb } from "@/db/service-testing";
import type { TestDb } from "@/db/testing";
import { getCommunitySettings } from "@/lib/admission/service";
import { getBranding } from "@/lib/branding/service";
import { AppError } from "@/lib/errors";
import { getCheckinSettings } from "@/lib/rhythm/config";
import type { SetupInput } from "@/lib/validation/setup";
import { setupSchema } from "@/lib/validation/setup";
import { completeSetup, needsSetup } from "./service";

let testDb: TestDb;
beforeAll(async () => {
  testDb = await createServiceTestDb();
});
afterAll(() => testDb.close());

const lyon: SetupInput = {
  name: "Entraide emploi Lyon",
  description: "L'entraide vers l'emploi dans la métropole de Lyon.",
  territory: "Métropole de Lyon",
  organisation: "Association Tremplin Rhône",
  primaryColor: "#1d4ed8",
  secondaryColor: "#047857",
  adminName: "Inès Garnier",
  adminEmail: "ines@entraide-lyon.example",
  adminPassword: "un mot de passe solide 42",
  mode: "invitation",
  template: "entraide",
};

describe("setup wizard", () => {
  it("is needed on a database without any account", async () => {
    expect(await testDb.db.select().from(users)).toEqual([]);
    expect(await needsSetup(testDb.db)).toBe(true);
  });

  it("refuses colours that fail WCAG AA and a weak password, naming the fields", () => {
    const parsed = setupSchema.safeParse({ ...lyon, primaryColor: "#f5d90a", adminPassword: "court" });
    expect(parsed.success).toBe(false);
    const fields = parsed.error!.issues.map((issue) => issue.path.join("."));
    expect(fields).toEqual(expect.arrayContaining(["primaryColor", "adminPassword"]));
    expect(parsed.error!.issues.find((issue) => issue.path[0] === "primaryColor")?.message).toBe(
      "branding.contrastFailed",
    );
  });

  it("creates the admin, the identity, the admission mode and the minimal programme", async () => {
    const { adminId } = await completeSetup(testDb.db, setupSchema.parse(lyon));
    const [admin] = await testDb.db.select().from(users).where(eq(users.id, adminId));
    expect(admin).toMatchObject({ role: "admin", status: "active", email: lyon.adminEmail });
    expect(admin!.emailVerified).not.toBeNull();
    expect(await getBranding()).toMatchObject({
      name: "Entraide emploi Lyon",
      territory: "Métropole de Lyon",
      primaryColor: "#1d4ed8",
      secondaryColor: "#047857",
    });
    expect((await getCommunitySettings()).mode).toBe("invitation");
    const channels = new Map((await listChannels(testDb.db)).map((channel) => [channel.slug, channel]));
    expect(channels.get("entraide")?.name).toBe("Entraide");
    expect(channels.get("cafe")?.name).toBe("Point de la semaine");
    expect((await getCommunitySettings()).questions?.map((question) => question.label)).toEqual([
      "Qu'est-ce qui vous amène dans la communauté ?",
    ]);
    expect((await getCheckinSettings(testDb.db)).questions.goals).toBe("Tes objectifs pour cette semaine");
    expect(await needsSetup(testDb.db)).toBe(false);
  });

  it("cannot be replayed once an admin exists: refused as not found, nothing changed", async () => {
    const before = {
      users: await testDb.db.select().from(users),
      settings: await testDb.db.select().from(settings),
      audit: await testDb.db.select().from(auditLog),
    };
    const replay = completeSetup(testDb.db, {
      ...setupSchema.parse(lyon),
      name: "Prise de contrôle",
      adminEmail: "intrus@example.org",
    });
    await expect(replay).rejects.toBeInstanceOf(AppError);
    await expect(replay).rejects.toMatchObject({ code: "not_found" });
    expect(await testDb.db.select().from(users)).toEqual(before.users);
    expect(await testDb.db.select().from(settings)).toEqual(before.settings);
    expect(await testDb.db.select().from(auditLog)).toEqual(before.audit);
  });
});
