import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { offerExpiresAt } from "@/lib/offers/expiry";
import { makeOffer, offerFields } from "../offer-factories";
import { jobOffers, posts, postRevisions, threads, type User } from "../schema";
import { channelId, documentFromText, makeUser } from "../test-factories";
import { createTestDb, type TestDb } from "../testing";
import { createOffer, getOffer, listOffers, setOfferFilled, updateOffer, type OfferListFilters } from "./offers";
import { postContent, threadRow } from "@/lib/forum/content";

let testDb: TestDb;
let pro: User;
let member: User;
const statements: string[] = [];

beforeAll(async () => {
  testDb = await createTestDb({ onQuery: (query) => statements.push(query) });
  pro = await makeUser(testDb.db, "Julien Roux", "pro");
  member = await makeUser(testDb.db, "Camille Durand");
});
afterAll(() => testDb.close());

async function expire(threadId: number) {
  await testDb.db
    .update(jobOffers)
    .set({ expiresAt: new Date(Date.now() - 60_000) })
    .where(eq(jobOffers.threadId, threadId));
}

async function titles(filters: OfferListFilters): Promise<string[]> {
  const page = await listOffers(testDb.db, { filters, limit: 50 });
  return page.items.map((item) => item.title);
}

describe("createOffer", () => {
  it("creates an offer thread, its opening post and its fields in one go", async () => {
    const channel = await channelId(testDb.db, "offres");
    const fields = offerFields({ deadline: "2030-01-15", salaryMin: 26000, salaryMax: 29000 });
    const { thread, isNew, postId } = await createOffer(
      testDb.db,
      threadRow({
        channelId: channel,
        authorId: pro.id,
        title: "Coordinatrice de tiers-lieu",
        body: documentFromText("Animer le lieu."),
        fields,
      }),
    );
    expect(isNew).toBe(true);
    expect(thread.kind).toBe("offer");
    const offer = await getOffer(testDb.db, { threadId: thread.id });
    expect(offer).toMatchObject({
      title: "Coordinatrice de tiers-lieu",
      salaryMin: 26000,
      deadline: "2030-01-15",
      authorId: pro.id,
      isDeleted: false,
    });
    expect(offer!.opening).toMatchObject({ id: postId, version: 1, bodyHtml: "<p>Animer le lieu.</p>" });
    expect(offer!.publishedAt.getTime()).toBe(thread.createdAt.getTime());
    expect(offer!.expiresAt.toISOString()).toBe("2030-01-15T23:00:00.000Z");
  });

  it("returns the first offer when a submission is retried, without a second row", async () => {
    const channel = await channelId(testDb.db, "offres");
    const params = {
      channelId: channel,
      authorId: pro.id,
      title: "Offre rejouée",
      body: documentFromText("x"),
      fields: offerFields(),
      idempotencyKey: crypto.randomUUID(),
    };
    const first = await createOffer(testDb.db, threadRow(params));
    const second = await createOffer(testDb.db, threadRow(params));
    expect(second.isNew).toBe(false);
    expect(second.thread.id).toBe(first.thread.id);
    const [count] = await testDb.db
      .select({ n: sql<number>`count(*)::int` })
      .from(threads)
      .where(eq(threads.title, "Offre rejouée"));
    expect(count!.n).toBe(1);
  });

  it("computes the 60-day expiry when there is no deadline", async () => {
    const thread = await makeOffer(testDb.db, pro.id, { title: "Sans date limite" });
    const offer = await getOffer(testDb.db, { threadId: thread.id });
    expect(offer!.expiresAt.getTime()).toBe(
      offerExpiresAt({ deadline: null, publishedAt: offer!.publishedAt }).getTime(),
    );
  });
});

describe("listOffers filters", () => {
  beforeAll(async () => {
    const specs = [
      {
        title: "F1 CDI Lyon hybride coop",
        fields: { contract: "cdi", department: "69", workMode: "hybrid", essFamily: "cooperative" },
      },
      {
        title: "F2 CDD Lyon sur site asso",
        fields: { contract: "cdd", department: "69", workMode: "on_site", essFamily: "association" },
      },
      {
        title: "F3 CDI Paris télétravail mutuelle",
        fields: { contract: "cdi", department: "75", workMode: "remote", essFamily: "mutual" },
      },
      {
        title: "F4 Stage Nantes hybride coop",
        fields: { contract: "internship", department: "44", workMode: "hybrid", essFamily: "cooperative" },
      },
      {
        title: "F5 CDI Lyon hybride coop pourvue",
        fields: { contract: "cdi", department: "69", workMode: "hybrid", essFamily: "cooperative" },
      },
      {
        title: "F6 CDI Lyon hybride coop expirée",
        fields: { contract: "cdi", department: "69", workMode: "hybrid", essFamily: "cooperative" },
      },
      {
        title: "F7 CDI Lyon hybride coop supprimée",
        fields: { contract: "cdi", department: "69", workMode: "hybrid", essFamily: "cooperative" },
      },
      {
        title: "F8 Service civique Corse",
        fields: { contract: "civic_service", department: "2A", workMode: "on_site", essFamily: "foundation" },
      },
    ] as const;
    for (const spec of specs) {
      const thread = await makeOffer(testDb.db, pro.id, { title: spec.title, fields: spec.fields });
      if (spec.title.includes("pourvue"))
        await setOfferFilled(testDb.db, { threadId: thread.id, actorId: pro.id, filled: true });
      if (spec.title.includes("expirée")) await expire(thread.id);
      if (spec.title.includes("supprimée"))
        await testDb.db.update(threads).set({ deletedAt: new Date() }).where(eq(threads.id, thread.id));
    }
  });

  const only = (list: string[]) => list.filter((title) => /^F\d/.test(title));

  it("lists current offers newest first; expired and deleted ones are left out, filled ones stay", async () => {
    expect(only(await titles({}))).toEqual([
      "F8 Service civique Corse",
      "F5 CDI Lyon hybride coop pourvue",
      "F4 Stage Nantes hybride coop",
      "F3 CDI Paris télétravail mutuelle",
      "F2 CDD Lyon sur site asso",
      "F1 CDI Lyon hybride coop",
    ]);
  });

  it("filters by each field", async () => {
    expect(only(await titles({ contract: "cdd" }))).toEqual(["F2 CDD Lyon sur site asso"]);
    expect(only(await titles({ department: "75" }))).toEqual(["F3 CDI Paris télétravail mutuelle"]);
    expect(only(await titles({ department: "2A" }))).toEqual(["F8 Service civique Corse"]);
    expect(only(await titles({ workMode: "remote" }))).toEqual(["F3 CDI Paris télétravail mutuelle"]);
    expect(only(await titles({ family: "association" }))).toEqual(["F2 CDD Lyon sur site asso"]);
    expect(only(await titles({ open: true }))).not.toContain("F5 CDI Lyon hybride coop pourvue");
  });

  it("combines filters (all must match)", async () => {
    expect(only(await titles({ contract: "cdi", department: "69" }))).toEqual([
      "F5 CDI Lyon hybride coop pourvue",
      "F1 CDI Lyon hybride coop",
    ]);
    expect(only(await titles({ contract: "cdi", department: "69", open: true }))).toEqual(["F1 CDI Lyon hybride coop"]);
    expect(only(await titles({ workMode: "hybrid", family: "cooperative", open: true }))).toEqual([
      "F4 Stage Nantes hybride coop",
      "F1 CDI Lyon hybride coop",
    ]);
    expect(only(await titles({ contract: "internship", department: "69" }))).toEqual([]);
  });

  it("reads a page in one query, authors included", async () => {
    const start = statements.length;
    const page = await listOffers(testDb.db, { filters: { contract: "cdi" } });
    expect(statements.length - start).toBe(1);
    expect(page.items[0]!.author).toMatchObject({ id: pro.id, name: "Julien Roux", role: "pro" });
  });
});

describe("listOffers pagination", () => {
  it("pages through 45 offers 20 at a time, no duplicate, no gap, even with equal publication times", async () => {
    const ids: number[] = [];
    for (let i = 0; i < 45; i++)
      ids.push((await makeOffer(testDb.db, pro.id, { title: `Pagination ${i}`, fields: { department: "974" } })).id);
    // Groups of three offers published in the same microsecond: page boundaries fall inside them.
    for (const [index, id] of ids.entries()) {
      await testDb.db
        .update(jobOffers)
        .set({
          publishedAt: sql`${new Date(Date.UTC(2026, 0, 1, 8, Math.floor(index / 3))).toISOString()}::timestamptz + interval '0.000123 seconds'`,
        })
        .where(eq(jobOffers.threadId, id));
    }
    const seen: number[] = [];
    const sizes: number[] = [];
    let cursor: string | undefined;
    for (let guard = 0; guard < 10; guard++) {
      const page = await listOffers(testDb.db, { filters: { department: "974" }, cursor });
      sizes.push(page.items.length);
      seen.push(...page.items.map((item) => item.threadId));
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
    expect(sizes).toEqual([20, 20, 5]);
    expect(seen).toEqual([...ids].reverse());
  });

  it("ignores a tampered cursor (first page) instead of failing", async () => {
    const page = await listOffers(testDb.db, { filters: { department: "974" }, cursor: "not-a-cursor" });
    expect(page.items).toHaveLength(20);
  });
});

describe("updateOffer and setOfferFilled", () => {
  it("lets the author edit fields, title and description together, keeping a revision", async () => {
    const thread = await makeOffer(testDb.db, pro.id, { title: "Avant modification" });
    const before = (await getOffer(testDb.db, { threadId: thread.id }))!;
    const result = await updateOffer(testDb.db, {
      threadId: thread.id,
      actorId: pro.id,
      title: "Après modification",
      content: postContent(documentFromText("Nouvelle description")),
      fields: offerFields({ city: "Villeurbanne", deadline: "2030-06-30" }),
      expectedVersion: 1,
    });
    expect(result).toEqual({ ok: true, postVersion: 2 });
    const after = (await getOffer(testDb.db, { threadId: thread.id }))!;
    expect(after).toMatchObject({ title: "Après modification", city: "Villeurbanne", deadline: "2030-06-30" });
    expect(after.opening.bodyHtml).toBe("<p>Nouvelle description</p>");
    expect(after.expiresAt.toISOString()).toBe("2030-06-30T22:00:00.000Z");
    expect(after.publishedAt.getTime()).toBe(before.publishedAt.getTime());
    const revisions = await testDb.db.select().from(postRevisions).where(eq(postRevisions.postId, before.opening.id));
    expect(revisions).toHaveLength(1);
  });

  it("refuses someone else's edit and leaves every row unchanged", async () => {
    const thread = await makeOffer(testDb.db, pro.id, { title: "Offre protégée" });
    const before = await getOffer(testDb.db, { threadId: thread.id });
    const result = await updateOffer(testDb.db, {
      threadId: thread.id,
      actorId: member.id,
      title: "Détournée",
      content: postContent(documentFromText("Spam")),
      fields: offerFields({ howToApply: "https://phishing.example" }),
    });
    expect(result).toEqual({ ok: false, reason: "not_found" });
    expect(await getOffer(testDb.db, { threadId: thread.id })).toEqual(before);
    expect(await setOfferFilled(testDb.db, { threadId: thread.id, actorId: member.id, filled: true })).toBe(false);
    expect((await getOffer(testDb.db, { threadId: thread.id }))!.filledAt).toBeNull();
  });

  it("reports a conflict when the description changed since the form was opened, writing nothing", async () => {
    const thread = await makeOffer(testDb.db, pro.id, { title: "Conflit" });
    const [opening] = await testDb.db.select({ id: posts.id }).from(posts).where(eq(posts.threadId, thread.id));
    await testDb.db.update(posts).set({ version: 3 }).where(eq(posts.id, opening!.id));
    const result = await updateOffer(testDb.db, {
      threadId: thread.id,
      actorId: pro.id,
      title: "Conflit réécrit",
      content: postContent(documentFromText("Version périmée")),
      fields: offerFields({ city: "Bron" }),
      expectedVersion: 1,
    });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toBe("conflict");
    expect((await getOffer(testDb.db, { threadId: thread.id }))!).toMatchObject({ title: "Conflit", city: "Lyon" });
  });

  it("closes an offer as filled and reopens it", async () => {
    const thread = await makeOffer(testDb.db, pro.id, { title: "À pourvoir" });
    expect(await setOfferFilled(testDb.db, { threadId: thread.id, actorId: pro.id, filled: true })).toBe(true);
    const filledAt = (await getOffer(testDb.db, { threadId: thread.id }))!.filledAt;
    expect(filledAt).toBeInstanceOf(Date);
    // Closing twice keeps the first date.
    await setOfferFilled(testDb.db, { threadId: thread.id, actorId: pro.id, filled: true });
    expect((await getOffer(testDb.db, { threadId: thread.id }))!.filledAt).toEqual(filledAt);
    expect(await setOfferFilled(testDb.db, { threadId: thread.id, actorId: pro.id, filled: false })).toBe(true);
    expect((await getOffer(testDb.db, { threadId: thread.id }))!.filledAt).toBeNull();
  });
});
