import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { offerApplications, outcomes, threads, users, type User } from "@/db/schema";
import { createServiceTestDb } from "@/db/service-testing";
import { makeOffer } from "@/db/offer-factories";
import { actorOf, makeUser } from "@/db/test-factories";
import type { TestDb } from "@/db/testing";
import { contextFor } from "@/lib/context";
import { AppError } from "@/lib/errors";
import { outcomeSchema } from "@/lib/validation/outcomes";
import { correctOutcome, declareOutcome, getOutcomeFormDefaults, listMyOutcomes, withdrawOutcome } from "./service";

vi.mock("next-intl/server", () => ({ getTranslations: async () => (key: string) => key }));

let testDb: TestDb & { dataDir: string };
let camille: User;
let yanis: User;
const NOW = new Date("2026-11-20T10:00:00Z");

beforeAll(async () => {
  testDb = await createServiceTestDb({ RATE_LIMITS: "off" });
  camille = await makeUser(testDb.db, "Camille");
  yanis = await makeUser(testDb.db, "Yanis");
  // Both joined on 1 September 2026.
  await testDb.db.update(users).set({ createdAt: new Date("2026-09-01T08:00:00Z") });
});
afterAll(async () => {
  await testDb.close();
});

const ctxOf = (user: User) => contextFor(actorOf(user), testDb.db);
const form = (fields: Record<string, string> = {}) =>
  outcomeSchema.parse({
    kind: "cdi",
    isEss: "yes",
    organisation: "Ressourcerie du Canal",
    startsOn: "2026-11-02",
    sharing: "community",
    ...fields,
  });

async function refusal(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe("J'ai trouvé !", () => {
  it("shared with the community, publishes a celebration in Victoires through the pipeline", async () => {
    const outcome = await declareOutcome(ctxOf(camille), form(), NOW);
    expect(outcome.threadId).not.toBeNull();
    const [thread] = await testDb.db.select().from(threads).where(eq(threads.id, outcome.threadId!));
    expect(thread!.title).toBe("🎉 J'ai trouvé un CDI chez Ressourcerie du Canal !");
    expect(thread!.authorId).toBe(camille.id);
    expect(thread!.deletedAt).toBeNull();
    const mine = await listMyOutcomes(ctxOf(camille));
    expect(mine.map((row) => row.threadSlug)).toEqual([thread!.slug]);
  });

  it("refuses a second declaration for the same period, a future start and a start before joining", async () => {
    const samePeriod = await refusal(declareOutcome(ctxOf(camille), form({ startsOn: "2026-11-10" }), NOW));
    expect(samePeriod.messageKey).toBe("outcomes.errors.samePeriod");
    expect(samePeriod.values).toEqual({ date: "2026-11-02" });
    const future = await refusal(declareOutcome(ctxOf(yanis), form({ startsOn: "2026-11-21" }), NOW));
    expect(future.messageKey).toBe("outcomes.errors.future");
    expect(future.field).toBe("startsOn");
    const before = await refusal(declareOutcome(ctxOf(yanis), form({ startsOn: "2026-08-31" }), NOW));
    expect(before.messageKey).toBe("outcomes.errors.beforeJoining");
    const rows = await testDb.db.select().from(outcomes).where(eq(outcomes.userId, yanis.id));
    expect(rows).toHaveLength(0);
  });

  it("not shared: no celebration; correcting to community publishes one, back to nobody takes it down", async () => {
    const outcome = await declareOutcome(ctxOf(yanis), form({ kind: "alternance", sharing: "nobody" }), NOW);
    expect(outcome.threadId).toBeNull();
    const shared = await correctOutcome(ctxOf(yanis), outcome.id, form({ kind: "alternance" }), NOW);
    expect(shared.threadId).not.toBeNull();
    const hidden = await correctOutcome(
      ctxOf(yanis),
      outcome.id,
      form({ kind: "alternance", sharing: "facilitators" }),
      NOW,
    );
    expect(hidden.threadId).toBeNull();
    const [thread] = await testDb.db.select().from(threads).where(eq(threads.id, shared.threadId!));
    expect(thread!.deletedAt).not.toBeNull();
    expect(hidden.sharing).toBe("facilitators");
  });

  it("only the author corrects or withdraws; withdrawing takes the celebration down", async () => {
    const [mine] = await listMyOutcomes(ctxOf(camille));
    const stranger = await refusal(withdrawOutcome(ctxOf(yanis), mine!.id, NOW));
    expect(stranger.code).toBe("not_found");
    const notMine = await refusal(correctOutcome(ctxOf(yanis), mine!.id, form({ startsOn: "2026-10-01" }), NOW));
    expect(notMine.code).toBe("not_found");
    const [unchanged] = await testDb.db.select().from(outcomes).where(eq(outcomes.id, mine!.id));
    expect(unchanged!.withdrawnAt).toBeNull();
    expect(unchanged!.startsOn).toBe("2026-11-02");

    await withdrawOutcome(ctxOf(camille), mine!.id, NOW);
    expect(await listMyOutcomes(ctxOf(camille))).toEqual([]);
    const [thread] = await testDb.db.select().from(threads).where(eq(threads.id, mine!.threadId!));
    expect(thread!.deletedAt).not.toBeNull();
    // Withdrawn, it no longer blocks a declaration for that period.
    await expect(declareOutcome(ctxOf(camille), form({ sharing: "facilitators" }), NOW)).resolves.toMatchObject({
      startsOn: "2026-11-02",
    });
  });

  it("a celebration refused by the thread limit leaves no declaration behind", async () => {
    const newcomer = await makeUser(testDb.db, "Nina");
    await testDb.db
      .update(users)
      .set({ createdAt: new Date("2026-09-01T08:00:00Z") })
      .where(eq(users.id, newcomer.id));
    const limited = await import("@/lib/rate-limit");
    const spy = vi.spyOn(limited, "enforceRateLimit").mockRejectedValueOnce(new AppError("rate_limited"));
    const error = await refusal(declareOutcome(ctxOf(newcomer), form(), NOW));
    spy.mockRestore();
    expect(error.code).toBe("rate_limited");
    expect(await testDb.db.select().from(outcomes).where(eq(outcomes.userId, newcomer.id))).toEqual([]);
    // Sent again, it goes through.
    await expect(declareOutcome(ctxOf(newcomer), form(), NOW)).resolves.toMatchObject({ sharing: "community" });
  });

  it("a visitor cannot declare", async () => {
    const error = await refusal(declareOutcome(contextFor(null, testDb.db), form(), NOW));
    expect(error.code).toBe("unauthenticated");
  });

  it("pre-fills from the member's own accepted application only", async () => {
    const offerAuthor = await makeUser(testDb.db, "Pro", "pro");
    const thread = await makeOffer(testDb.db, offerAuthor.id, {
      fields: { organisation: "Coopérative Oasis", contract: "apprenticeship" },
    });
    const [application] = await testDb.db
      .insert(offerApplications)
      .values({ userId: yanis.id, threadId: thread!.id, status: "accepted", decidedOn: "2026-11-15" })
      .returning();
    const own = await getOutcomeFormDefaults(ctxOf(yanis), { applicationId: application!.id });
    expect(own.application).toMatchObject({
      organisation: "Coopérative Oasis",
      decidedOn: "2026-11-15",
      contract: "apprenticeship",
    });
    const other = await getOutcomeFormDefaults(ctxOf(camille), { applicationId: application!.id });
    expect(other.application).toBeNull();
  });
});
