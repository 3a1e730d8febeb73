import { randomUUID } from "node:crypto";
import { eq, like, sql } from "drizzle-orm";
import { createTranslator } from "next-intl";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rateLimitEvents, threads, users, type User } from "@/db/schema";
import { createServiceTestDb } from "@/db/service-testing";
import { actorOf, documentFromText, makeUser } from "@/db/test-factories";
import type { TestDb } from "@/db/testing";
import { AppError } from "@/lib/errors";
import { replyToThread, startThread } from "@/lib/forum/service";
import { loadMessages } from "@/lib/i18n/messages";
import { reportPost } from "@/lib/moderation/service";
import {
  clearSignInFailures,
  clientIp,
  getSignInBlock,
  getSignInDelay,
  recordSignInFailure,
  SIGN_IN_ADDRESS_DELAY_MS,
} from "./index";
import { contextFor } from "@/lib/context";

let testDb: TestDb;

beforeAll(async () => {
  testDb = await createServiceTestDb();
});
afterAll(() => testDb.close());

function newThread(user: User, extra: { idempotencyKey?: string } = {}) {
  return startThread(contextFor(actorOf(user)), {
    channelSlug: "entraide",
    title: `Fil de ${user.name}`,
    body: documentFromText("Bonjour"),
    ...extra,
  });
}

async function refusal(run: () => Promise<unknown>): Promise<AppError> {
  const error = await run().then(
    () => null,
    (caught: unknown) => caught,
  );
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

async function ageAccount(user: User, days: number) {
  await testDb.db
    .update(users)
    .set({ createdAt: sql`now() - make_interval(days => ${days})` })
    .where(eq(users.id, user.id));
}

describe("thread limit", () => {
  it("refuses the 6th thread within an hour from a new account, saying when it can post again", async () => {
    const user = await makeUser(testDb.db, "Nouvelle venue");
    const before = Date.now();
    for (let i = 0; i < 5; i++) await newThread(user);
    const error = await refusal(() => newThread(user));
    expect(error.code).toBe("rate_limited");
    expect(error.status).toBe(429);
    expect(error.messageKey).toBe("limits.thread");
    const retryAt = Number(error.values?.retryAt);
    // The oldest of the five leaves the one-hour window first.
    expect(retryAt).toBeGreaterThanOrEqual(before + 3_600_000 - 1_000);
    expect(retryAt).toBeLessThanOrEqual(Date.now() + 3_600_000);
    expect(error.values).toMatchObject({ limit: 5, isNew: "yes", minutes: 60 });

    const t = createTranslator({
      locale: "fr",
      messages: (await loadMessages("fr")) as never,
      timeZone: "Europe/Paris",
    }) as unknown as (key: string, values?: object) => string;
    const message = t(error.messageKey, error.values);
    const clock = new Intl.DateTimeFormat("fr-FR", { timeStyle: "short", timeZone: "Europe/Paris" }).format(retryAt);
    expect(message).toContain(`Vous pourrez en ouvrir un nouveau à ${clock}, dans 60 minutes`);
    expect(message).toContain("5 par heure pour un compte de moins d'une semaine");

    const created = await testDb.db.select({ id: threads.id }).from(threads).where(eq(threads.authorId, user.id));
    expect(created).toHaveLength(5);
  });

  it("lets an account older than a week open more threads (15 per hour)", async () => {
    const user = await makeUser(testDb.db, "Ancienne");
    await ageAccount(user, 8);
    for (let i = 0; i < 15; i++) await newThread(user);
    const error = await refusal(() => newThread(user));
    expect(error.values).toMatchObject({ limit: 15, isNew: "no" });
  });

  it("counts events older than the window no more", async () => {
    const user = await makeUser(testDb.db, "Patiente");
    for (let i = 0; i < 5; i++) await newThread(user);
    await testDb.db
      .update(rateLimitEvents)
      .set({ createdAt: sql`now() - interval '61 minutes'` })
      .where(eq(rateLimitEvents.key, `thread:${user.id}`));
    await expect(newThread(user)).resolves.toMatchObject({ isNew: true });
    // Expired events are cleaned up as new ones are counted.
    const rows = await testDb.db
      .select()
      .from(rateLimitEvents)
      .where(eq(rateLimitEvents.key, `thread:${user.id}`));
    expect(rows).toHaveLength(1);
  });

  it("does not count a retried submission (same idempotency key)", async () => {
    const user = await makeUser(testDb.db, "Double clic");
    const key = randomUUID();
    for (let i = 0; i < 5; i++) await newThread(user, { idempotencyKey: key });
    await expect(newThread(user)).resolves.toMatchObject({ isNew: true });
  });

  it("never lets concurrent submissions through beyond the limit", async () => {
    const user = await makeUser(testDb.db, "Pressée");
    const results = await Promise.allSettled(Array.from({ length: 10 }, () => newThread(user)));
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(5);
    const rejected = results.filter((result): result is PromiseRejectedResult => result.status === "rejected");
    expect(rejected.every((result) => result.reason instanceof AppError && result.reason.code === "rate_limited")).toBe(
      true,
    );
  });

  it("does not limit facilitators", async () => {
    const facilitator = await makeUser(testDb.db, "Animatrice", "facilitator");
    for (let i = 0; i < 7; i++) await newThread(facilitator);
  });

  it("stores the counts in the database, where every instance reads them", async () => {
    const user = await makeUser(testDb.db, "Partagée");
    await newThread(user);
    const rows = await testDb.db
      .select()
      .from(rateLimitEvents)
      .where(eq(rateLimitEvents.key, `thread:${user.id}`));
    expect(rows).toHaveLength(1);
  });
});

describe("reply and report limits", () => {
  it("refuses the 21st reply within an hour from a new account", async () => {
    const author = await makeUser(testDb.db, "Autrice");
    const { thread } = await newThread(author);
    const replier = await makeUser(testDb.db, "Bavarde");
    for (let i = 0; i < 20; i++)
      await replyToThread(contextFor(actorOf(replier)), {
        threadId: thread.id,
        body: documentFromText(`Réponse ${i}`),
      });
    const error = await refusal(() =>
      replyToThread(contextFor(actorOf(replier)), { threadId: thread.id, body: documentFromText("Une de trop") }),
    );
    expect(error.messageKey).toBe("limits.post");
  });

  it("refuses the 6th report within an hour from a new account", async () => {
    const author = await makeUser(testDb.db, "Signalée");
    const reporter = await makeUser(testDb.db, "Signaleuse");
    const postIds: number[] = [];
    for (let i = 0; i < 6; i++) {
      const { thread } = await newThread(author);
      const [opening] = await testDb.db
        .execute<{ id: number }>(sql`select id from posts where thread_id = ${thread.id} and number = 1`)
        .then((result) => result.rows);
      postIds.push(Number(opening!.id));
      await ageAccount(author, 30);
    }
    for (const postId of postIds.slice(0, 5))
      await reportPost(contextFor(actorOf(reporter)), { postId, reason: "Publicité" });
    const error = await refusal(() =>
      reportPost(contextFor(actorOf(reporter)), { postId: postIds[5]!, reason: "Publicité" }),
    );
    expect(error.messageKey).toBe("limits.report");
  });
});

describe("sign-in throttle", () => {
  it("blocks an account after 10 failures in 15 minutes, from any address, until the oldest expires", async () => {
    const email = `cible-${randomUUID()}@example.org`;
    for (let i = 0; i < 9; i++) await recordSignInFailure(testDb.db, { email, ip: `10.0.0.${i}` });
    expect(await getSignInBlock(testDb.db, { email })).toBeNull();
    await recordSignInFailure(testDb.db, { email: email.toUpperCase(), ip: "10.0.0.99" });
    const until = await getSignInBlock(testDb.db, { email });
    expect(until).not.toBeNull();
    expect(until!.getTime()).toBeGreaterThan(Date.now() + 14 * 60_000);
  });

  it("slows an address down after 50 failures on any accounts, without locking anyone out", async () => {
    const ip = `192.0.2.${Math.floor(Math.random() * 250)}`;
    for (let i = 0; i < 49; i++)
      await recordSignInFailure(testDb.db, { email: `x${i}-${randomUUID()}@example.org`, ip });
    expect(await getSignInDelay(testDb.db, { ip })).toBe(0);
    await recordSignInFailure(testDb.db, { email: `x50-${randomUUID()}@example.org`, ip });
    expect(await getSignInDelay(testDb.db, { ip })).toBe(SIGN_IN_ADDRESS_DELAY_MS);
    // Another account behind that address is delayed, not refused; other addresses are untouched.
    expect(await getSignInBlock(testDb.db, { email: `autre-${randomUUID()}@example.org` })).toBeNull();
    expect(await getSignInDelay(testDb.db, { ip: "198.51.100.1" })).toBe(0);
  });

  it("a success forgives the account's failures only", async () => {
    const email = `oubli-${randomUUID()}@example.org`;
    for (let i = 0; i < 10; i++) await recordSignInFailure(testDb.db, { email, ip: "203.0.113.5" });
    await clearSignInFailures(testDb.db, { email });
    expect(await getSignInBlock(testDb.db, { email })).toBeNull();
    // Accounts are keyed by a hash: no address is stored in clear.
    const stored = await testDb.db
      .select()
      .from(rateLimitEvents)
      .where(like(rateLimitEvents.key, `%${email}%`));
    expect(stored).toHaveLength(0);
  });

  it("reads the client address server.ts worked out, never X-Forwarded-For itself", () => {
    expect(clientIp(new Headers({ "x-propulse-client-ip": "203.0.113.9", "x-forwarded-for": "1.1.1.1" }))).toBe(
      "203.0.113.9",
    );
    expect(clientIp(new Headers({ "x-forwarded-for": "1.1.1.1, 203.0.113.9", "x-real-ip": "1.1.1.1" }))).toBe(
      "unknown",
    );
  });
});
