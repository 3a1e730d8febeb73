/**
 * Retention with a moved clock: a 24-month-old CV loses its file, a 23-month-old one gets a
 * reminder only; twice in a row changes nothing more; old rate-limit rows go; inactive accounts
 * are reminded at 3 years and anonymised a month later unless they sign in.
 */
import { readdirSync } from "node:fs";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { touchLastSeen } from "@/db/queries/retention";
import { createThread } from "@/db/queries/threads";
import { reviewRequests, reviewVersions, storedFiles, users } from "@/db/schema";
import { createServiceTestDb } from "@/db/service-testing";
import { channelId, documentFromText, makeUser } from "@/db/test-factories";
import type { TestDb } from "@/db/testing";
import { threadRow } from "@/lib/forum/content";
import { getStorage } from "@/lib/storage";
import { monthsBefore, runRetention } from "./retention";

let testDb: TestDb & { dataDir: string };
const NOW = new Date("2026-12-01T03:30:00Z");

beforeAll(async () => {
  testDb = await createServiceTestDb();
});
afterAll(async () => {
  await testDb.close();
});

/** A CV request whose only version (with a PDF in storage) was uploaded `months` before NOW. */
async function cvUploaded(months: number) {
  const author = await makeUser(testDb.db, `Auteur ${months}`);
  const { thread } = await createThread(
    testDb.db,
    threadRow({
      channelId: await channelId(testDb.db, "cv"),
      authorId: author.id,
      title: `Mon CV ${months} mois`,
      body: documentFromText("Relisez-moi"),
      kind: "review",
    }),
  );
  const at = monthsBefore(NOW, months);
  const key = randomUUID();
  await getStorage().put(key, new TextEncoder().encode("%PDF-1.4"), "application/pdf");
  const [file] = await testDb.db
    .insert(storedFiles)
    .values({ ownerId: author.id, storageKey: key, contentType: "application/pdf", byteSize: 8, createdAt: at })
    .returning();
  await testDb.db
    .insert(reviewRequests)
    .values({ threadId: thread.id, docKind: "cv", target: "x", feedbackWanted: "y", createdAt: at });
  await testDb.db.insert(reviewVersions).values({ threadId: thread.id, number: 1, fileId: file!.id, createdAt: at });
  return { threadId: thread.id, key };
}

const stored = () => readdirSync(path.join(testDb.dataDir, "uploads"), { recursive: true }).map(String);
const request = async (threadId: number) =>
  (await testDb.db.select().from(reviewRequests).where(eq(reviewRequests.threadId, threadId)))[0]!;

describe("retention", () => {
  it("deletes a 24-month-old CV file, reminds a 23-month-old one, and a second run does nothing more", async () => {
    const old = await cvUploaded(24);
    const recent = await cvUploaded(23);
    const fresh = await cvUploaded(6);
    await testDb.db.execute(sql`insert into rate_limit_events (key, created_at) values
      ('signin-ip:1.2.3.4', ${monthsBefore(NOW, 13)}), ('signin-ip:1.2.3.4', ${monthsBefore(NOW, 11)})`);

    const first = await runRetention(testDb.db, NOW);
    expect(first).toMatchObject({ documentsExpired: 1, documentsReminded: 2, rateLimitRowsPurged: 1 });
    expect((await request(old.threadId)).filesExpiredAt).toEqual(NOW);
    expect(stored().some((name) => name.includes(old.key))).toBe(false);
    expect(stored().some((name) => name.includes(recent.key))).toBe(true);
    expect(stored().some((name) => name.includes(fresh.key))).toBe(true);
    const [version] = await testDb.db.select().from(reviewVersions).where(eq(reviewVersions.threadId, old.threadId));
    expect(version!.fileId).toBeNull();
    expect((await request(recent.threadId)).retentionRemindedAt).toEqual(NOW);
    expect((await request(fresh.threadId)).retentionRemindedAt).toBeNull();

    const second = await runRetention(testDb.db, NOW);
    expect(second).toMatchObject({ documentsExpired: 0, documentsReminded: 0, rateLimitRowsPurged: 0 });

    // A month later the reminded CV reaches 24 months and goes too.
    const later = await runRetention(testDb.db, new Date("2027-01-01T03:30:00Z"));
    expect(later.documentsExpired).toBe(1);
    expect(stored().some((name) => name.includes(recent.key))).toBe(false);
  });

  it("reminds an account inactive for 3 years, anonymises it a month later, unless it signs in", async () => {
    const sleeper = await makeUser(testDb.db, "Dormeuse");
    const returning = await makeUser(testDb.db, "Revenante");
    const threeYearsAgo = monthsBefore(NOW, 36);
    for (const user of [sleeper, returning]) {
      await testDb.db
        .update(users)
        .set({ lastSeenAt: threeYearsAgo, createdAt: threeYearsAgo })
        .where(eq(users.id, user.id));
    }
    const first = await runRetention(testDb.db, NOW);
    expect(first.accountsReminded).toBeGreaterThanOrEqual(2);
    expect((await runRetention(testDb.db, NOW)).accountsReminded).toBe(0);

    await touchLastSeen(testDb.db, { userId: returning.id }); // signs in during the month
    const monthLater = new Date("2027-01-02T03:30:00Z");
    const run = await runRetention(testDb.db, monthLater);
    expect(run.accountsAnonymised).toBeGreaterThanOrEqual(1);
    const [gone] = await testDb.db.select().from(users).where(eq(users.id, sleeper.id));
    expect(gone).toMatchObject({ name: "Ancien membre", passwordHash: null });
    expect(gone!.erasedAt).not.toBeNull();
    const [kept] = await testDb.db.select().from(users).where(eq(users.id, returning.id));
    expect(kept).toMatchObject({ name: "Revenante", erasedAt: null });
    expect((await runRetention(testDb.db, monthLater)).accountsAnonymised).toBe(0);
  });
});
