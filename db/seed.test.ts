import { like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkPdf } from "@/lib/uploads/pdf-check";
import { getStorage } from "@/lib/storage";
import { isOfferExpired } from "@/lib/offers/expiry";
import { offerFieldsSchema } from "@/lib/validation/offers";
import { listApplications } from "./queries/applications";
import { getOffer, listOffers } from "./queries/offers";
import { getFileWithThread, listReviewRequests } from "./queries/reviews";
import { contextFor } from "@/lib/context";
import { DEFAULT_POSITIVE_KINDS } from "@/lib/domain/outcomes";
import { getImpactDashboard, impactRates } from "@/lib/impact/service";
import {
  cohortMembers,
  cohorts,
  outcomes,
  reviewFeedback,
  reviewPageComments,
  reviewRequests,
  jobOffers,
  surveys,
  threads,
} from "./schema";
import { users as usersTable } from "./schema";
import { seedDemoContent, type SeededUsers } from "./seed";
import { readMessageFile } from "@/lib/messages/attachments";
import { getMyBuddy } from "@/lib/messages/buddies";
import { listMyConversations, readConversation } from "@/lib/messages/service";
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

describe("demo outcomes", () => {
  it("gives the Impact dashboard non-trivial figures, equal to a recomputation from the rows", async () => {
    const staff = { id: users.facilitator!.id, role: "facilitator" as const, status: "active" as const };
    const dashboard = await getImpactDashboard(contextFor(staff, testDb.db), {});
    const { from, to } = dashboard.filter;
    const allCohorts = await testDb.db.select().from(cohorts);
    expect(allCohorts).toHaveLength(2);
    const today = dashboard.filter.to;
    expect(allCohorts.filter((cohort) => cohort.endsOn < today)).toHaveLength(1);
    // From the rows, in TypeScript: the members, their declarations and survey answers in the period.
    const members = new Set(
      (await testDb.db.select().from(usersTable))
        .filter((user) => user.role === "member" && user.status !== "pending")
        .map((user) => user.id),
    );
    const declared = (await testDb.db.select().from(outcomes)).filter(
      (row) => members.has(row.userId) && !row.withdrawnAt && row.startsOn >= from && row.startsOn <= to,
    );
    const withOutcome = new Set(declared.map((row) => row.userId));
    const positive = new Set(
      declared.filter((row) => DEFAULT_POSITIVE_KINDS.includes(row.kind)).map((row) => row.userId),
    );
    const inPeriod = (at: Date | null) => {
      const day = at?.toLocaleDateString("sv-SE", { timeZone: "Europe/Paris" });
      return day !== undefined && day >= from && day <= to;
    };
    const answers = (await testDb.db.select().from(surveys)).filter(
      (row) => members.has(row.userId) && inPeriod(row.answeredAt),
    );
    const invited = (await testDb.db.select().from(surveys)).filter(
      (row) => members.has(row.userId) && inPeriod(row.invitedAt),
    );
    const pct = (part: number, whole: number) => (whole ? Math.round((part / whole) * 1000) / 10 : null);
    const rates = impactRates(dashboard);
    expect(dashboard.outcomes.declarations).toBe(declared.length);
    expect(rates.positiveShare).toBe(pct(positive.size, withOutcome.size));
    expect(rates.satisfiedShare).toBe(pct(answers.filter((row) => row.satisfaction! >= 4).length, answers.length));
    expect(rates.responseRate).toBe(pct(invited.filter((row) => row.answeredAt).length, invited.length));
    // Non-trivial: several sharing choices, at least five answers (shown to funders), attendance.
    expect(new Set(declared.map((row) => row.sharing))).toEqual(new Set(["community", "facilitators", "nobody"]));
    expect(answers.length).toBeGreaterThanOrEqual(5);
    expect(rates.satisfiedShare).toBeGreaterThan(0);
    expect(rates.satisfiedShare).toBeLessThan(100);
    expect(dashboard.activities.hoursAttended).toBeGreaterThan(0);
    expect(dashboard.named.length).toBeLessThan(declared.length);
    expect((await testDb.db.select().from(cohortMembers)).length).toBeGreaterThanOrEqual(7);
  });
});

describe("demo conversations", () => {
  it("gives Camille a conversation with the pro carrying her CV, and Yanis a binôme with its welcome", async () => {
    const ctx = contextFor({ id: users.camille!.id, role: "member", status: "active" });
    const { items } = await listMyConversations(ctx, {});
    expect(items.length).toBeGreaterThanOrEqual(3);
    const withPro = items.find((item) => item.others.some((other) => other.id === users.pro!.id))!;
    expect(withPro.lastNumber).toBeGreaterThan(withPro.lastReadNumber);
    const page = await readConversation(ctx, { conversationId: withPro.id });
    const withFile = page.messages.find((message) => message.attachments.length > 0)!;
    const { bytes } = await readMessageFile(ctx, withFile.attachments[0]!.fileId);
    expect(await checkPdf(bytes, { maxBytes: 5 * 1024 * 1024 })).toEqual({ ok: true, pageCount: 2 });
    expect(page.messages.some((message) => message.reactions.length > 0)).toBe(true);
    const buddy = await getMyBuddy(contextFor({ id: users.yanis!.id, role: "member", status: "active" }));
    expect(buddy).toMatchObject({ other: { name: "Imane Roche" }, isNewcomer: true });
  });
});
