import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeOffer } from "../offer-factories";
import { offerApplications, threads, type User } from "../schema";
import { makeUser } from "../test-factories";
import { createTestDb, type TestDb } from "../testing";
import {
  deleteApplication,
  getApplication,
  getApplicationForOffer,
  listApplications,
  listSavedOfferIds,
  saveApplication,
  updateApplication,
} from "./applications";

let testDb: TestDb;
let pro: User;
let camille: User;
let yanis: User;

beforeAll(async () => {
  testDb = await createTestDb();
  pro = await makeUser(testDb.db, "Julien Roux", "pro");
  camille = await makeUser(testDb.db, "Camille Durand");
  yanis = await makeUser(testDb.db, "Yanis Haddad");
});
afterAll(() => testDb.close());

const changes = {
  status: "interview" as const,
  appliedOn: "2026-03-02",
  interviewOn: "2026-03-10",
  decidedOn: null,
  note: "Préparer le pitch",
};

async function rowOf(id: number) {
  const [row] = await testDb.db.select().from(offerApplications).where(eq(offerApplications.id, id));
  return row;
}

describe("application tracker", () => {
  it("saves an offer once per member, as 'to apply'", async () => {
    const offer = await makeOffer(testDb.db, pro.id);
    const first = await saveApplication(testDb.db, { userId: camille.id, threadId: offer.id });
    const again = await saveApplication(testDb.db, { userId: camille.id, threadId: offer.id });
    expect(first.isNew).toBe(true);
    expect(again).toEqual({ id: first.id, isNew: false });
    expect(await getApplicationForOffer(testDb.db, { userId: camille.id, threadId: offer.id })).toEqual({
      id: first.id,
      status: "to_apply",
    });
    expect(await getApplicationForOffer(testDb.db, { userId: yanis.id, threadId: offer.id })).toBeNull();
  });

  it("moves through the steps with dates and a note", async () => {
    const offer = await makeOffer(testDb.db, pro.id, { title: "Chargée de communication" });
    const { id } = await saveApplication(testDb.db, { userId: camille.id, threadId: offer.id });
    const updated = await updateApplication(testDb.db, { id, userId: camille.id, changes });
    expect(updated).toMatchObject(changes);
    const entry = await getApplication(testDb.db, { id, userId: camille.id });
    expect(entry).toMatchObject({
      id,
      status: "interview",
      note: "Préparer le pitch",
      offer: { threadId: offer.id, title: "Chargée de communication", contract: "cdi" },
    });
    expect(entry).not.toHaveProperty("userId");
  });

  it("never shows, changes or deletes an entry for anyone but its owner", async () => {
    const offer = await makeOffer(testDb.db, pro.id);
    const { id } = await saveApplication(testDb.db, { userId: camille.id, threadId: offer.id });
    await updateApplication(testDb.db, { id, userId: camille.id, changes });
    const before = await rowOf(id);

    expect(await getApplication(testDb.db, { id, userId: yanis.id })).toBeNull();
    expect(
      await updateApplication(testDb.db, {
        id,
        userId: yanis.id,
        changes: { ...changes, status: "rejected", note: "ha" },
      }),
    ).toBeNull();
    expect(await deleteApplication(testDb.db, { id, userId: yanis.id })).toBe(false);
    expect((await listApplications(testDb.db, { userId: yanis.id })).items.map((item) => item.id)).not.toContain(id);
    expect(await listSavedOfferIds(testDb.db, { userId: yanis.id, threadIds: [offer.id] })).toEqual(new Set());
    expect(await rowOf(id)).toEqual(before);

    expect(await deleteApplication(testDb.db, { id, userId: camille.id })).toBe(true);
    expect(await rowOf(id)).toBeUndefined();
  });

  it("lists the member's entries most recently updated first, page by page, hiding deleted offers", async () => {
    const member = await makeUser(testDb.db, "Inès Morel");
    const ids: number[] = [];
    for (let i = 0; i < 7; i++) {
      const offer = await makeOffer(testDb.db, pro.id, { title: `Suivi ${i}` });
      ids.push((await saveApplication(testDb.db, { userId: member.id, threadId: offer.id })).id);
    }
    // Touching the first entry brings it to the top. PGlite's clock has millisecond precision:
    // let one pass so the update is strictly newer than the last save (ties go by id).
    await new Promise((resolve) => setTimeout(resolve, 5));
    await updateApplication(testDb.db, { id: ids[0]!, userId: member.id, changes: { ...changes, status: "applied" } });
    const seen: number[] = [];
    let cursor: string | undefined;
    for (let guard = 0; guard < 10; guard++) {
      const page = await listApplications(testDb.db, { userId: member.id, cursor, limit: 3 });
      seen.push(...page.items.map((item) => item.id));
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
    expect(seen).toEqual([ids[0], ...ids.slice(1).reverse()]);

    const [hidden] = await testDb.db
      .select({ threadId: offerApplications.threadId })
      .from(offerApplications)
      .where(eq(offerApplications.id, ids[3]!));
    await testDb.db.update(threads).set({ deletedAt: new Date() }).where(eq(threads.id, hidden!.threadId));
    const all = await listApplications(testDb.db, { userId: member.id });
    expect(all.items.map((item) => item.id)).not.toContain(ids[3]);
    expect(all.items).toHaveLength(6);
  });

  it("marks which listed offers the member saved, in one query", async () => {
    const saved = await makeOffer(testDb.db, pro.id);
    const other = await makeOffer(testDb.db, pro.id);
    await saveApplication(testDb.db, { userId: yanis.id, threadId: saved.id });
    expect(await listSavedOfferIds(testDb.db, { userId: yanis.id, threadIds: [saved.id, other.id] })).toEqual(
      new Set([saved.id]),
    );
    expect(await listSavedOfferIds(testDb.db, { userId: yanis.id, threadIds: [] })).toEqual(new Set());
  });
});
