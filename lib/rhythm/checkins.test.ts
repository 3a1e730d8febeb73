import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { channels, checkinWeeks, posts, threads, type User } from "@/db/schema";
import { createServiceTestDb } from "@/db/service-testing";
import { actorOf, channelId, makeUser } from "@/db/test-factories";
import type { TestDb } from "@/db/testing";
import { contextFor } from "@/lib/context";
import { DEFAULT_CHECKIN_QUESTIONS } from "@/lib/domain/rhythm";
import { AppError } from "@/lib/errors";
import { setIo, type RealtimeServer } from "@/lib/realtime/io";
import { threadPath } from "@/lib/slug";
import { checkinSchema } from "@/lib/validation/rhythm";
import { getMyCheckinState, listCheckinHistory, submitCheckin } from "./checkins";
import { getCheckinSettings, saveCheckinSettings } from "./config";

// Messages need a request scope in Next; here a key stands for its text.
vi.mock("next-intl/server", () => ({ getTranslations: async () => (key: string) => key }));

let testDb: TestDb & { dataDir: string };
let fanny: User;
let alice: User;
let bob: User;
let dan: User;
let cafeId: number;

/** Rooms `post:created` was sent to (a stand-in for the Socket.io server). */
const postRooms: string[] = [];
const fakeIo = {
  to: (room: string) => ({
    emit: (event: string) => {
      if (event === "post:created") postRooms.push(room);
    },
  }),
  // Nobody has the site open.
  in: () => ({ fetchSockets: async () => [] }),
} as unknown as RealtimeServer;

beforeAll(async () => {
  testDb = await createServiceTestDb({ RATE_LIMITS: "off" });
  // The first facilitator is the programme's voice: the weekly threads are written in her name.
  fanny = await makeUser(testDb.db, "Fanny Facilitatrice", "facilitator");
  [alice, bob, dan] = await Promise.all([
    makeUser(testDb.db, "Alice Martin"),
    makeUser(testDb.db, "Bob Durand"),
    makeUser(testDb.db, "Dan Petit"),
  ]);
  cafeId = await channelId(testDb.db, "cafe");
  setIo(fakeIo);
});
afterAll(async () => {
  setIo(undefined);
  await testDb.close();
});

const ctxOf = (user: User) => contextFor(actorOf(user), testDb.db);
/** Tuesday 11:00 UTC of the week starting on the given Monday (midday in Paris). */
const during = (monday: string) => new Date(Date.parse(`${monday}T11:00:00Z`) + 86_400_000);

/** The form as the browser sends it. */
const form = (fields: Record<string, string>) => checkinSchema.parse(fields);

async function checkIn(user: User, monday: string, fields: Record<string, string>) {
  return submitCheckin(ctxOf(user), form(fields), during(monday));
}

async function postOf(postId: number) {
  const [row] = await testDb.db
    .select({ post: posts, thread: threads })
    .from(posts)
    .innerJoin(threads, eq(threads.id, posts.threadId))
    .where(eq(posts.id, postId));
  return row!;
}

async function weekRow(weekStart: string) {
  const [row] = await testDb.db.select().from(checkinWeeks).where(eq(checkinWeeks.weekStart, weekStart));
  return row ?? null;
}

async function cafeThreadsTitled(fragment: string) {
  const rows = await testDb.db
    .select({ id: threads.id, title: threads.title })
    .from(threads)
    .innerJoin(channels, eq(channels.id, threads.channelId))
    .where(eq(channels.slug, "cafe"));
  return rows.filter((row) => row.title.includes(fragment));
}

const expectAppError = async (promise: Promise<unknown>, code: AppError["code"]) => {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
};

describe("a member's weekly check-in", () => {
  it("is their reply in the week's thread of the café, opened by the facilitator", async () => {
    postRooms.length = 0;
    const { checkin, path } = await checkIn(alice, "2027-01-04", {
      goal0: "Envoyer trois candidatures",
      goal1: "Relancer la Mission locale",
      goal2: "",
      goodNews: "Un entretien jeudi",
      helpWanted: "Préparer l'entretien",
    });
    expect(checkin.goals).toEqual(["Envoyer trois candidatures", "Relancer la Mission locale"]);
    expect(checkin.postId).not.toBeNull();

    const { post, thread } = await postOf(checkin.postId!);
    expect(post.authorId).toBe(alice.id);
    expect(post.number).toBeGreaterThan(1);
    expect(thread.channelId).toBe(cafeId);
    expect(thread.authorId).toBe(fanny.id);
    expect(thread.title).toContain("semaine du 4 janvier 2027");
    expect(post.bodyText).toContain("Envoyer trois candidatures");
    expect(post.bodyText).toContain("Relancer la Mission locale");
    expect(post.bodyText).toContain("Un entretien jeudi");
    expect(path).toBe(`${threadPath("cafe", thread)}?post=${post.number}#p${post.number}`);
    // Live: readers of the weekly thread see the check-in arrive.
    expect(postRooms).toContain(`thread:${thread.id}`);

    const state = await getMyCheckinState(ctxOf(alice), during("2027-01-04"));
    expect(state).toMatchObject({ weekStart: "2027-01-04", streak: 1 });
    expect(state.current?.id).toBe(checkin.id);
    expect(state.threadPath).toBe(threadPath("cafe", thread));
    expect((await weekRow("2027-01-04"))?.threadId).toBe(thread.id);
  });

  it("cannot be posted twice the same week", async () => {
    await expectAppError(checkIn(alice, "2027-01-04", { goal0: "Encore un objectif" }), "conflict");
    const week = await weekRow("2027-01-04");
    const alicePosts = await testDb.db
      .select({ id: posts.id })
      .from(posts)
      .where(and(eq(posts.threadId, week!.threadId!), eq(posts.authorId, alice.id)));
    expect(alicePosts).toHaveLength(1);
  });

  it("sent twice at once (a double tap) is stored and posted once", async () => {
    const gaby = await makeUser(testDb.db, "Gaby Double");
    const outcomes = await Promise.allSettled([
      checkIn(gaby, "2027-01-04", { goal0: "Préparer mon pitch" }),
      checkIn(gaby, "2027-01-04", { goal0: "Préparer mon pitch" }),
    ]);
    const fulfilled = outcomes.filter((outcome) => outcome.status === "fulfilled");
    const rejected = outcomes.flatMap((outcome) => (outcome.status === "rejected" ? [outcome.reason] : []));
    expect(fulfilled).toHaveLength(1);
    expect(rejected).toMatchObject([{ code: "conflict" }]);
    const gabyPosts = await testDb.db.select({ id: posts.id }).from(posts).where(eq(posts.authorId, gaby.id));
    expect(gabyPosts).toHaveLength(1);
    expect((await listCheckinHistory(ctxOf(gaby), { userId: gaby.id })).items).toHaveLength(1);
  });

  it("opens one weekly thread when members check in at the same instant", async () => {
    const racers = await Promise.all(
      ["Rita", "Rémi", "Rose"].map((name, index) => makeUser(testDb.db, `${name} Course${index}`)),
    );
    // Several fresh weeks, so that a race between the first check-ins of a week would show.
    for (const monday of ["2027-05-03", "2027-05-10", "2027-05-17", "2027-05-24"]) {
      const results = await Promise.all(
        racers.map((racer) => checkIn(racer, monday, { goal0: `Objectif de ${racer.name}` })),
      );
      const threadIds = await Promise.all(
        results.map(async (result) => (await postOf(result.checkin.postId!)).thread.id),
      );
      expect(new Set(threadIds).size).toBe(1);
      const title = `semaine du ${Number(monday.slice(8))} mai 2027`;
      expect(await cafeThreadsTitled(title)).toEqual([{ id: threadIds[0], title: expect.stringContaining(title) }]);
      expect((await weekRow(monday))?.threadId).toBe(threadIds[0]);
    }
  });

  it("kept for facilitators posts nothing, but stays in the member's history", async () => {
    const { checkin, path } = await checkIn(dan, "2027-01-04", {
      goal0: "Parler de ma situation à la conseillère",
      difficulty: "Une période difficile",
      staffOnly: "on",
    });
    expect(path).toBeNull();
    expect(checkin).toMatchObject({ staffOnly: true, postId: null });
    const danPosts = await testDb.db.select({ id: posts.id }).from(posts).where(eq(posts.authorId, dan.id));
    expect(danPosts).toEqual([]);

    for (const reader of [dan, fanny]) {
      const history = await listCheckinHistory(ctxOf(reader), { userId: dan.id });
      expect(history.items).toMatchObject([
        { weekStart: "2027-01-04", postPath: null, checkin: { staffOnly: true, difficulty: "Une période difficile" } },
      ]);
    }
  });

  it("asks next week how last week's goals went, and keeps the answers", async () => {
    const state = await getMyCheckinState(ctxOf(alice), during("2027-01-11"));
    expect(state.weekStart).toBe("2027-01-11");
    expect(state.current).toBeNull();
    expect(state.previousGoals).toEqual(["Envoyer trois candidatures", "Relancer la Mission locale"]);
    // This week is still open: the streak is not broken.
    expect(state.streak).toBe(1);

    const { checkin } = await checkIn(alice, "2027-01-11", {
      goal0: "Finir mon CV",
      review0: "done",
      review1: "partly",
    });
    expect(checkin.review).toEqual([
      { goal: "Envoyer trois candidatures", outcome: "done" },
      { goal: "Relancer la Mission locale", outcome: "partly" },
    ]);
    const { post } = await postOf(checkin.postId!);
    expect(post.bodyText).toContain("Envoyer trois candidatures");
    expect(post.bodyText).toContain("fait");
    expect(post.bodyText).toContain("en partie");
    expect((await getMyCheckinState(ctxOf(alice), during("2027-01-11"))).streak).toBe(2);
  });

  it("counts a gentle streak: consecutive weeks, reset by a missed week", async () => {
    const eve = await makeUser(testDb.db, "Eve Streak");
    for (const monday of ["2027-02-01", "2027-02-08", "2027-02-15"]) {
      await checkIn(eve, monday, { goal0: `Objectif ${monday}` });
    }
    expect((await getMyCheckinState(ctxOf(eve), during("2027-02-15"))).streak).toBe(3);
    expect((await getMyCheckinState(ctxOf(eve), during("2027-02-22"))).streak).toBe(3);
    // 22 February missed: on 1 March, nothing is running any more.
    expect((await getMyCheckinState(ctxOf(eve), during("2027-03-01"))).streak).toBe(0);
    await checkIn(eve, "2027-03-01", { goal0: "Reprendre" });
    expect((await getMyCheckinState(ctxOf(eve), during("2027-03-01"))).streak).toBe(1);
  });
});

describe("the check-in history", () => {
  it("is readable by the member and by facilitators, newest week first", async () => {
    for (const reader of [alice, fanny]) {
      const history = await listCheckinHistory(ctxOf(reader), { userId: alice.id });
      expect(history.items.map((item) => item.weekStart)).toEqual(["2027-01-11", "2027-01-04"]);
      expect(history.items.every((item) => item.postPath?.includes("#p"))).toBe(true);
      expect(history.nextBefore).toBeNull();
    }
    const firstPage = await listCheckinHistory(ctxOf(alice), { userId: alice.id, limit: 1 });
    expect(firstPage.items.map((item) => item.weekStart)).toEqual(["2027-01-11"]);
    const secondPage = await listCheckinHistory(ctxOf(alice), {
      userId: alice.id,
      limit: 1,
      before: firstPage.nextBefore!,
    });
    expect(secondPage.items.map((item) => item.weekStart)).toEqual(["2027-01-04"]);
  });

  it("is refused to another member", async () => {
    await expectAppError(listCheckinHistory(ctxOf(bob), { userId: alice.id }), "forbidden");
    await expectAppError(listCheckinHistory(ctxOf(bob), { userId: dan.id }), "forbidden");
  });
});

describe("the facilitators' questions", () => {
  it("apply to a new week, while a week already opened keeps its own", async () => {
    const custom = { ...DEFAULT_CHECKIN_QUESTIONS, goals: "Sur quoi tu avances cette semaine ?" };
    try {
      await saveCheckinSettings(testDb.db, { day: 1, questions: custom, nudgeMessage: "" });
      expect((await getCheckinSettings(testDb.db)).questions.goals).toBe(custom.goals);

      // A week opened after the change asks the new question.
      const { checkin } = await checkIn(bob, "2027-06-07", { goal0: "Appeler trois entreprises" });
      expect((await weekRow("2027-06-07"))?.questions.goals).toBe(custom.goals);
      expect((await postOf(checkin.postId!)).post.bodyText).toContain(custom.goals);

      // The week of 4 January was opened before: it keeps the questions it was asked with.
      const state = await getMyCheckinState(ctxOf(bob), during("2027-01-04"));
      expect(state.questions.goals).toBe(DEFAULT_CHECKIN_QUESTIONS.goals);
      const old = await checkIn(bob, "2027-01-04", { goal0: "Mettre à jour mon profil" });
      const { post } = await postOf(old.checkin.postId!);
      expect(post.bodyText).toContain(DEFAULT_CHECKIN_QUESTIONS.goals);
      expect(post.bodyText).not.toContain(custom.goals);
    } finally {
      await saveCheckinSettings(testDb.db, { day: 1, questions: DEFAULT_CHECKIN_QUESTIONS, nudgeMessage: "" });
    }
  });
});

describe("the check-in form", () => {
  it("requires one goal, reported on the first goal field", () => {
    const result = checkinSchema.safeParse({ goal0: "  ", goal1: "", goodNews: "Rien" });
    expect(result.success).toBe(false);
    expect(result.error?.issues).toMatchObject([{ path: ["goal0"], message: "checkin.errors.goalRequired" }]);
  });

  it("drops empty goals and keeps the others in order", () => {
    const parsed = checkinSchema.parse({ goal0: "", goal1: "  Relancer  ", goal2: "Postuler", review0: "not_yet" });
    expect(parsed.goals).toEqual(["Relancer", "Postuler"]);
    expect(parsed.outcomes).toEqual(["not_yet", undefined, undefined]);
    expect(parsed.staffOnly).toBe(false);
  });

  it("refuses a goal that is too long", () => {
    const result = checkinSchema.safeParse({ goal0: "x".repeat(201) });
    expect(result.error?.issues).toMatchObject([{ path: ["goal0"], message: "checkin.errors.goalTooLong" }]);
  });
});
