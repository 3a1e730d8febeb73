import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_DELIVERY } from "@/lib/domain/notifications";
import { makeUser } from "../test-factories";
import { createTestDb, type TestDb } from "../testing";
import { getNotificationSettings, upsertNotificationSettings } from "./notification-settings";

let testDb: TestDb;

beforeAll(async () => {
  testDb = await createTestDb();
});

afterAll(async () => {
  await testDb.close();
});

describe("notification settings", () => {
  it("are the defaults until the member saves something", async () => {
    const user = await makeUser(testDb.db, "Nour");
    expect(await getNotificationSettings(testDb.db, { userId: user.id })).toEqual({
      delivery: DEFAULT_DELIVERY,
      digest: "weekly",
      quietHours: { start: 22, end: 8 },
      timeZone: "Europe/Paris",
      isStored: false,
    });
  });

  it("change one field of one type, keeping the rest of what was saved", async () => {
    const user = await makeUser(testDb.db, "Lina");
    await upsertNotificationSettings(testDb.db, { userId: user.id, delivery: { mention: { push: false } } });
    await upsertNotificationSettings(testDb.db, {
      userId: user.id,
      delivery: { mention: { email: "off" }, watching: { email: "off" } },
    });
    await upsertNotificationSettings(testDb.db, { userId: user.id, digest: "daily", timeZone: "America/Montreal" });
    const settings = await getNotificationSettings(testDb.db, { userId: user.id });
    expect(settings.delivery.mention).toEqual({ bell: true, push: false, email: "off" });
    expect(settings.delivery.watching).toEqual({ ...DEFAULT_DELIVERY.watching, email: "off" });
    expect(settings.delivery.review).toEqual(DEFAULT_DELIVERY.review);
    expect(settings).toMatchObject({ digest: "daily", timeZone: "America/Montreal", isStored: true });
  });

  it("apply two changes made at the same time", async () => {
    const user = await makeUser(testDb.db, "Sami");
    await Promise.all([
      upsertNotificationSettings(testDb.db, { userId: user.id, delivery: { review: { email: "off" } } }),
      upsertNotificationSettings(testDb.db, { userId: user.id, delivery: { decision: { email: "digest" } } }),
      upsertNotificationSettings(testDb.db, { userId: user.id, digest: "never" }),
    ]);
    const settings = await getNotificationSettings(testDb.db, { userId: user.id });
    expect(settings.delivery.review.email).toBe("off");
    expect(settings.delivery.decision.email).toBe("digest");
    expect(settings.digest).toBe("never");
  });
});
