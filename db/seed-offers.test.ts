import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isOfferExpired } from "@/lib/offers/expiry";
import { offerFieldsSchema } from "@/lib/validation/offers";
import { listApplications } from "./queries/applications";
import { getOffer, listOffers } from "./queries/offers";
import { jobOffers } from "./schema";
import { seedDemoContent, type SeededUsers } from "./seed";
import { createTestDb, type TestDb } from "./testing";

let testDb: TestDb;
let users: SeededUsers;

beforeAll(async () => {
  testDb = await createTestDb();
  users = await seedDemoContent(testDb.db);
});
afterAll(() => testDb.close());

describe("demo offers", () => {
  it("seeds a dozen valid offers from varied employers and cities, a few expired", async () => {
    const rows = await testDb.db.select({ threadId: jobOffers.threadId }).from(jobOffers);
    expect(rows.length).toBeGreaterThanOrEqual(12);
    const offers = await Promise.all(rows.map(({ threadId }) => getOffer(testDb.db, { threadId })));
    const cities = new Set(offers.map((offer) => offer!.city));
    for (const city of ["Lyon", "Paris", "Lille", "Nantes", "Marseille"]) expect(cities).toContain(city);
    expect(new Set(offers.map((offer) => offer!.organisation)).size).toBeGreaterThanOrEqual(8);
    expect(offers.filter((offer) => isOfferExpired(offer!)).length).toBeGreaterThanOrEqual(2);
    expect(offers.some((offer) => offer!.origin === "shared" && offer!.sourceUrl)).toBe(true);
    for (const offer of offers) {
      const parsed = offerFieldsSchema.safeParse({ ...offer!, description: offer!.opening.body });
      expect(parsed.success, `${offer!.title}: ${JSON.stringify(parsed.error?.issues)}`).toBe(true);
    }
  });

  it("keeps expired offers out of the default list", async () => {
    const { items } = await listOffers(testDb.db, { limit: 50 });
    expect(items.length).toBeGreaterThanOrEqual(9);
    expect(items.some((offer) => isOfferExpired(offer))).toBe(false);
    expect(items.map((offer) => offer.title)).not.toContain("Animateur·rice socioculturel·le");
  });

  it("gives Camille a tracked application to show in Mes candidatures", async () => {
    const { items } = await listApplications(testDb.db, { userId: users.camille!.id });
    expect(items.map((entry) => entry.status)).toContain("applied");
  });
});
