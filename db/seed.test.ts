import { like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkPdf } from "@/lib/uploads/pdf-check";
import { getStorage } from "@/lib/storage";
import { isOfferExpired } from "@/lib/offers/expiry";
import { offerFieldsSchema } from "@/lib/validation/offers";
import { listApplications } from "./queries/applications";
import { getOffer, listOffers } from "./queries/offers";
import { getFileWithThread, listReviewRequests } from "./queries/reviews";
import { reviewFeedback, reviewPageComments, reviewRequests, jobOffers, threads } from "./schema";
import { seedDemoContent, type SeededUsers } from "./seed";
import { createServiceTestDb } from "./service-testing";
import type { TestDb } from "./testing";

let testDb: TestDb;
let users: SeededUsers;

beforeAll(async () => {
  // The demo CV is stored in this file's temporary data folder.
  testDb = await createServiceTestDb();
  users = await seedDemoContent(testDb.db);
});
afterAll(() => testDb.close());

describe("demo forum", () => {
  it("pins the Bienvenue thread at the top of its channel", async () => {
    const [welcome] = await testDb.db
      .select({ isPinned: threads.isPinned })
      .from(threads)
      .where(like(threads.title, "Bienvenue dans la communauté%"));
    expect(welcome?.isPinned).toBe(true);
  });
});

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

describe("demo reviews", () => {
  it("seeds a CV whose stored file passes the upload check, a pasted letter and a written pitch, each reviewed", async () => {
    const requests = await testDb.db.select().from(reviewRequests);
    expect(requests.map((request) => request.docKind).sort()).toEqual(["cv", "letter", "pitch"]);
    const views = [
      ...(await listReviewRequests(testDb.db, { threadIds: requests.map((request) => request.threadId) })).values(),
    ];
    const cv = views.find((view) => view.docKind === "cv")!;
    const stored = await getFileWithThread(testDb.db, { fileId: cv.versions[0]!.file!.id });
    const bytes = await getStorage().get(stored!.file.storageKey);
    expect(await checkPdf(bytes!, { maxBytes: 5 * 1024 * 1024 })).toEqual({ ok: true, pageCount: 2 });
    expect(views.find((view) => view.docKind === "letter")!.versions[0]!.letterText).toContain("Madame, Monsieur");

    const feedback = await testDb.db.select({ threadId: reviewFeedback.threadId }).from(reviewFeedback);
    expect(new Set(feedback.map((row) => row.threadId))).toEqual(new Set(requests.map((request) => request.threadId)));
    const comments = await testDb.db.select().from(reviewPageComments);
    expect(comments).toHaveLength(1);
    expect(comments[0]).toMatchObject({ threadId: cv.threadId, page: 1 });
  });
});
