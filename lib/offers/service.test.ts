/**
 * The offers capabilities through the real service functions the actions, pages and JSON API
 * call: who may publish what, who may change an offer, whose tokens count, whose tracker.
 * Refusals must be AppErrors and leave the rows unchanged.
 */
import { desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiToken } from "@/db/queries/api-tokens";
import { getApplication } from "@/db/queries/applications";
import { getOffer } from "@/db/queries/offers";
import { jobOffers, notifications, users, type User } from "@/db/schema";
import { createServiceTestDb } from "@/db/service-testing";
import { actorOf, documentFromText, makeUser } from "@/db/test-factories";
import type { TestDb } from "@/db/testing";
import { AppError } from "@/lib/errors";
import { replyToThread, startThread } from "@/lib/forum/service";
import type { Actor } from "@/lib/permissions";
import { createOfferSchema, type CreateOfferInput } from "@/lib/validation/offers";
import { resolveApiActor } from "./api-tokens";
import { addDays, parisToday } from "./expiry";
import { editOffer, publishOffer, setOfferStatus } from "./service";
import { generateApiToken } from "./token-hash";
import { getMyApplication, saveOfferToTracker, updateMyApplication } from "./tracker";
import { contextFor } from "@/lib/context";

let testDb: TestDb;
let pro: User;
let member: User;
let other: User;

beforeAll(async () => {
  testDb = await createServiceTestDb();
  pro = await makeUser(testDb.db, "Julien Roux", "pro");
  member = await makeUser(testDb.db, "Camille Durand");
  other = await makeUser(testDb.db, "Yanis Haddad");
});
afterAll(() => testDb.close());

function input(overrides: Record<string, unknown> = {}): CreateOfferInput {
  return createOfferSchema.parse({
    title: "Chargé·e de mission insertion",
    organisation: "Coopérative Les Ateliers du Rhône",
    essFamily: "insertion",
    contract: "cdd",
    city: "Lyon",
    department: "69",
    workMode: "hybrid",
    startDate: addDays(parisToday(), 30),
    deadline: addDays(parisToday(), 10),
    howToApply: "recrutement@ateliers.example",
    description: "Accompagner nos salarié·es en parcours.",
    ...overrides,
  });
}

async function refusal(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  return (error as AppError).code;
}

describe("publishing", () => {
  it("lets a pro publish an employer offer and a member share one, with its source", async () => {
    const published = await publishOffer(contextFor(actorOf(pro)), input());
    expect(published.isNew).toBe(true);
    expect((await getOffer(testDb.db, { threadId: published.thread.id }))?.origin).toBe("employer");
    const shared = await publishOffer(
      contextFor(actorOf(member)),
      input({ origin: "shared", sourceUrl: "https://jobs.example/1" }),
    );
    expect(await getOffer(testDb.db, { threadId: shared.thread.id })).toMatchObject({
      origin: "shared",
      sourceUrl: "https://jobs.example/1",
    });
  });

  it("refuses an employer offer from a member (403) and from a visitor (401), creating nothing", async () => {
    const before = (await testDb.db.select().from(jobOffers)).length;
    expect(await refusal(publishOffer(contextFor(actorOf(member)), input({ title: "Offre usurpée" })))).toBe(
      "forbidden",
    );
    expect(await refusal(publishOffer(contextFor(null), input({ title: "Offre anonyme" })))).toBe("unauthenticated");
    expect((await testDb.db.select().from(jobOffers)).length).toBe(before);
  });

  it("keeps plain threads out of the offers channel", async () => {
    expect(
      await refusal(
        startThread(contextFor(actorOf(pro)), {
          channelSlug: "offres",
          title: "Un fil sans champs",
          body: documentFromText("x"),
        }),
      ),
    ).toBe("bad_request");
  });
});

describe("changing an offer", () => {
  it("is the author's alone: others get not_found and nothing changes", async () => {
    const { thread } = await publishOffer(contextFor(actorOf(pro)), input({ title: "Offre à protéger" }));
    const before = await getOffer(testDb.db, { threadId: thread.id });
    const edit = { ...input({ title: "Offre détournée" }), threadId: thread.id };
    for (const actor of [actorOf(member), actorOf(other), null] as Actor[]) {
      expect(["not_found", "unauthenticated"]).toContain(await refusal(editOffer(contextFor(actor), edit)));
      expect(["not_found", "unauthenticated"]).toContain(
        await refusal(setOfferStatus(contextFor(actor), { threadId: thread.id, filled: true })),
      );
    }
    expect(await getOffer(testDb.db, { threadId: thread.id })).toEqual(before);

    const done = await editOffer(contextFor(actorOf(pro)), { ...edit, title: "Offre modifiée" });
    expect(done.conflict).toBe(false);
    await setOfferStatus(contextFor(actorOf(pro)), { threadId: thread.id, filled: true });
    expect(await getOffer(testDb.db, { threadId: thread.id })).toMatchObject({ title: "Offre modifiée" });
    expect((await getOffer(testDb.db, { threadId: thread.id }))!.filledAt).not.toBeNull();
  });

  it("cannot turn a shared offer into an employer's", async () => {
    const { thread } = await publishOffer(
      contextFor(actorOf(member)),
      input({ origin: "shared", sourceUrl: "https://jobs.example/2" }),
    );
    expect(
      await refusal(editOffer(contextFor(actorOf(member)), { ...input({ origin: "employer" }), threadId: thread.id })),
    ).toBe("bad_request");
  });
});

describe("API tokens", () => {
  async function tokenFor(user: User) {
    const { token, hash, prefix } = generateApiToken();
    await createApiToken(testDb.db, { userId: user.id, name: "Test", tokenHash: hash, prefix });
    return token;
  }

  it("speak for their owner with the owner's current role", async () => {
    const employer = await makeUser(testDb.db, "Employeuse", "pro");
    const token = await tokenFor(employer);
    const actor = await resolveApiActor(new Headers({ authorization: `Bearer ${token}` }));
    expect(actor).toEqual({ id: employer.id, role: "pro", status: "active" });
    expect((await publishOffer(contextFor(actor), input({ title: "Publiée par jeton" }))).isNew).toBe(true);

    // The same token once the account is a member: an employer offer is refused.
    await testDb.db.update(users).set({ role: "member" }).where(eq(users.id, employer.id));
    const demoted = await resolveApiActor(new Headers({ authorization: `Bearer ${token}` }));
    expect(demoted?.role).toBe("member");
    expect(await refusal(publishOffer(contextFor(demoted), input({ title: "Plus pro" })))).toBe("forbidden");
  });

  it("refuse wrong, malformed or suspended tokens with 401", async () => {
    const token = await tokenFor(pro);
    for (const header of [`Bearer ${token}x`, "Bearer ", "Basic abc", `Token ${token}`, "Bearer ppo_short"]) {
      expect(await refusal(resolveApiActor(new Headers({ authorization: header }))), header).toBe("unauthenticated");
    }
    const suspended = await makeUser(testDb.db, "Suspendu", "pro");
    const suspendedToken = await tokenFor(suspended);
    await testDb.db.update(users).set({ status: "suspended" }).where(eq(users.id, suspended.id));
    expect(await refusal(resolveApiActor(new Headers({ authorization: `Bearer ${suspendedToken}` })))).toBe(
      "unauthenticated",
    );
  });
});

describe("application tracker", () => {
  it("dates each step and keeps entries private", async () => {
    const { thread } = await publishOffer(contextFor(actorOf(pro)), input({ title: "Offre suivie" }));
    const { id } = await saveOfferToTracker(contextFor(actorOf(member)), { threadId: thread.id });
    await updateMyApplication(contextFor(actorOf(member)), {
      id,
      status: "interview",
      appliedOn: null,
      interviewOn: null,
      decidedOn: null,
      note: "Entretien jeudi",
    });
    const entry = await getMyApplication(contextFor(actorOf(member)), { id });
    expect(entry).toMatchObject({ status: "interview", interviewOn: parisToday(), note: "Entretien jeudi" });

    expect(await refusal(getMyApplication(contextFor(actorOf(other)), { id }))).toBe("not_found");
    expect(
      await refusal(
        updateMyApplication(contextFor(actorOf(other)), {
          id,
          status: "rejected",
          appliedOn: null,
          interviewOn: null,
          decidedOn: null,
          note: "",
        }),
      ),
    ).toBe("not_found");
    expect(await refusal(getMyApplication(contextFor(null), { id }))).toBe("unauthenticated");
    expect(await getApplication(testDb.db, { id, userId: member.id })).toMatchObject({
      status: "interview",
      note: "Entretien jeudi",
    });
  });
});

/** A member's notifications, newest first (the raw rows, as the pipeline wrote them). */
async function listNotifications(db: typeof testDb.db, { userId }: { userId: string }) {
  return db.select().from(notifications).where(eq(notifications.userId, userId)).orderBy(desc(notifications.id));
}

describe("questions under an offer", () => {
  it("notify the offer's author through the forum's reply path", async () => {
    const { thread } = await publishOffer(contextFor(actorOf(pro)), input({ title: "Offre questionnée" }));
    const before = (await listNotifications(testDb.db, { userId: pro.id })).length;
    const { post } = await replyToThread(contextFor(actorOf(member)), {
      threadId: thread.id,
      body: documentFromText("Télétravail possible ?"),
      idempotencyKey: crypto.randomUUID(),
    });
    await replyToThread(contextFor(actorOf(pro)), {
      threadId: thread.id,
      replyToId: post.id,
      body: documentFromText("Deux jours par semaine."),
      idempotencyKey: crypto.randomUUID(),
    });
    const notifications = await listNotifications(testDb.db, { userId: pro.id });
    expect(notifications.length).toBe(before + 1);
    expect(notifications[0]).toMatchObject({
      kind: "offer_question",
      actorId: member.id,
      threadId: thread.id,
      postId: post.id,
    });
    // The asker follows the thread they replied to: the answer to their question reaches them.
    expect(await listNotifications(testDb.db, { userId: member.id })).toMatchObject([
      { kind: "reply_to_me", actorId: pro.id, threadId: thread.id },
    ]);
  });
});
