import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { activities, activityRsvps, notifications, posts, threads, type User } from "@/db/schema";
import { createServiceTestDb } from "@/db/service-testing";
import { actorOf, channelId, makeUser } from "@/db/test-factories";
import type { TestDb } from "@/db/testing";
import { contextFor } from "@/lib/context";
import { makeActivityCast } from "./testing";
import { AppError } from "@/lib/errors";
import { threadPath } from "@/lib/slug";
import { activitySchema } from "@/lib/validation/rhythm";
import {
  cancelActivity,
  decideActivity,
  getActivityPage,
  listUpcomingActivities,
  postRecap,
  proposeActivity,
  recordAttendance,
  respondToActivity,
} from "./activities";

// Messages need a request scope in Next; here a key stands for its text.
vi.mock("next-intl/server", () => ({ getTranslations: async () => (key: string) => key }));

let testDb: TestDb & { dataDir: string };
let fanny: User;
let alice: User;
let bob: User;
let carla: User;
let dan: User;
let eve: User;

beforeAll(async () => {
  testDb = await createServiceTestDb({ RATE_LIMITS: "off" });
  ({ fanny, alice, bob, carla, dan, eve } = await makeActivityCast(testDb.db));
});
afterAll(async () => {
  await testDb.close();
});

const ctxOf = (user: User) => contextFor(actorOf(user), testDb.db);

/** The activity form as the browser sends it (Paris wall-clock times). */
const form = (fields: Record<string, string> = {}) =>
  activitySchema.parse({
    title: "Atelier CV",
    kind: "atelier",
    description: "On relit nos CV ensemble.",
    startsAt: "2027-02-10T14:00",
    endsAt: "2027-02-10T16:00",
    place: "Maison de l'emploi, salle 2",
    visioUrl: "",
    capacity: "",
    ...fields,
  });

/** An activity published by the facilitator (she publishes directly). */
const published = (fields: Record<string, string> = {}) => proposeActivity(ctxOf(fanny), form(fields));

/** A member's proposal, approved by the facilitator: the member hosts it. */
async function hostedBy(host: User, fields: Record<string, string> = {}) {
  const proposal = await proposeActivity(ctxOf(host), form(fields));
  return decideActivity(ctxOf(fanny), { activityId: proposal.id, approve: true });
}

const expectAppError = async (promise: Promise<unknown>, code: AppError["code"]) => {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  return error as AppError;
};

/** The `activity` notifications a member got about one activity, as their events. */
async function activityEvents(user: User, activityId: number) {
  const rows = await testDb.db
    .select({ payload: notifications.payload })
    .from(notifications)
    .where(and(eq(notifications.userId, user.id), eq(notifications.kind, "activity")));
  return rows.filter((row) => row.payload.activityId === activityId).map((row) => row.payload.event);
}

async function responseOf(user: User, activityId: number) {
  const [row] = await testDb.db
    .select({ response: activityRsvps.response, attendance: activityRsvps.attendance })
    .from(activityRsvps)
    .where(and(eq(activityRsvps.activityId, activityId), eq(activityRsvps.userId, user.id)));
  return row ?? null;
}

async function statusOf(activityId: number) {
  const [row] = await testDb.db
    .select({ status: activities.status })
    .from(activities)
    .where(eq(activities.id, activityId));
  return row?.status;
}

describe("a member's proposal", () => {
  it("waits for a facilitator, unseen by other members, then is announced and its proposer told", async () => {
    const proposal = await proposeActivity(ctxOf(alice), form({ title: "Visite de la Ressourcerie", kind: "visite" }));
    expect(proposal).toMatchObject({ status: "proposed", hostId: alice.id, threadId: null });
    await expectAppError(getActivityPage(ctxOf(bob), proposal.id), "not_found");
    expect((await listUpcomingActivities(ctxOf(bob))).map((activity) => activity.id)).not.toContain(proposal.id);
    expect((await getActivityPage(ctxOf(alice), proposal.id)).activity.status).toBe("proposed");

    // A member cannot publish it.
    await expectAppError(decideActivity(ctxOf(bob), { activityId: proposal.id, approve: true }), "forbidden");
    expect(await statusOf(proposal.id)).toBe("proposed");

    const approved = await decideActivity(ctxOf(fanny), { activityId: proposal.id, approve: true });
    expect(approved).toMatchObject({ status: "published", decidedById: fanny.id, hostId: alice.id });
    expect(approved.threadId).not.toBeNull();
    const [thread] = await testDb.db.select().from(threads).where(eq(threads.id, approved.threadId!));
    expect(thread).toMatchObject({
      channelId: await channelId(testDb.db, "programme"),
      title: "Visite de la Ressourcerie",
    });

    const page = await getActivityPage(ctxOf(bob), proposal.id);
    expect(page.activity.status).toBe("published");
    expect(page.threadPath).toBe(threadPath("programme", thread!));
    expect((await listUpcomingActivities(ctxOf(bob))).map((activity) => activity.id)).toContain(proposal.id);
    expect(await activityEvents(alice, proposal.id)).toEqual(["approved"]);

    // Decided once only.
    await expectAppError(decideActivity(ctxOf(fanny), { activityId: proposal.id, approve: false }), "conflict");
  });

  it("approved twice at once (a double click) is announced once and its proposer told once", async () => {
    const proposal = await proposeActivity(ctxOf(alice), form({ title: "Atelier double clic" }));
    const outcomes = await Promise.allSettled([
      decideActivity(ctxOf(fanny), { activityId: proposal.id, approve: true }),
      decideActivity(ctxOf(fanny), { activityId: proposal.id, approve: true }),
    ]);
    expect(outcomes.filter((outcome) => outcome.status === "fulfilled").length).toBeGreaterThanOrEqual(1);
    const announcements = await testDb.db
      .select({ id: threads.id })
      .from(threads)
      .where(eq(threads.title, "Atelier double clic"));
    expect(announcements).toHaveLength(1);
    expect(await activityEvents(alice, proposal.id)).toEqual(["approved"]);
  });

  it("approved by two facilitators at the same instant is announced once and its proposer told once", async () => {
    const gilles = await makeUser(testDb.db, "Gilles Facilitateur", "facilitator");
    const proposal = await proposeActivity(ctxOf(alice), form({ title: "Atelier simulation d'entretien" }));
    await Promise.allSettled([
      decideActivity(ctxOf(fanny), { activityId: proposal.id, approve: true }),
      decideActivity(ctxOf(gilles), { activityId: proposal.id, approve: true }),
    ]);
    const announcements = await testDb.db
      .select({ id: threads.id })
      .from(threads)
      .where(eq(threads.title, "Atelier simulation d'entretien"));
    expect(announcements).toHaveLength(1);
    expect(await activityEvents(alice, proposal.id)).toEqual(["approved"]);
  });

  it("turned down stays unseen, and its proposer is told", async () => {
    const proposal = await proposeActivity(ctxOf(alice), form({ title: "Soirée karaoké", kind: "soiree" }));
    const rejected = await decideActivity(ctxOf(fanny), { activityId: proposal.id, approve: false });
    expect(rejected).toMatchObject({ status: "rejected", threadId: null });
    await expectAppError(getActivityPage(ctxOf(bob), proposal.id), "not_found");
    expect(await activityEvents(alice, proposal.id)).toEqual(["rejected"]);
  });

  it("cannot start in the past", async () => {
    const error = await expectAppError(
      proposeActivity(ctxOf(alice), form({ title: "Atelier d'hier" }), new Date("2027-02-10T13:00:00Z")),
      "bad_request",
    );
    expect(error.field).toBe("startsAt");
    const rows = await testDb.db.select().from(activities).where(eq(activities.title, "Atelier d'hier"));
    expect(rows).toEqual([]);
  });
});

describe("the activity form", () => {
  const errorsOf = (fields: Record<string, string>) => {
    const result = activitySchema.safeParse({
      title: "Atelier pitch",
      kind: "atelier",
      startsAt: "2027-02-10T14:00",
      endsAt: "2027-02-10T16:00",
      place: "Salle 2",
      ...fields,
    });
    return result.success ? [] : result.error.issues.map((issue) => ({ path: issue.path, message: issue.message }));
  };

  it("refuses an end before (or at) the start, on the end field", () => {
    expect(errorsOf({ endsAt: "2027-02-10T13:00" })).toEqual([
      { path: ["endsAt"], message: "activities.errors.endBeforeStart" },
    ]);
    expect(errorsOf({ endsAt: "2027-02-10T14:00" })).toEqual([
      { path: ["endsAt"], message: "activities.errors.endBeforeStart" },
    ]);
  });

  it("reports a malformed or empty date on its field", () => {
    // An empty datetime-local field is sent as "".
    expect(errorsOf({ startsAt: "10/02/2027 14:00" })).toEqual([
      { path: ["startsAt"], message: "activities.errors.dateInvalid" },
    ]);
    expect(errorsOf({ endsAt: "" })).toEqual([{ path: ["endsAt"], message: "activities.errors.dateInvalid" }]);
  });

  it("reads times in Paris, and needs a place or a visio link", () => {
    const parsed = activitySchema.parse({
      title: "Atelier pitch",
      kind: "atelier",
      startsAt: "2027-07-01T10:00",
      endsAt: "2027-07-01T12:00",
      visioUrl: "https://visio.example.org/pitch",
      capacity: "8",
    });
    expect(parsed.startsAt.toISOString()).toBe("2027-07-01T08:00:00.000Z");
    expect(parsed.capacity).toBe(8);
    expect(errorsOf({ place: "" })).toEqual([{ path: ["place"], message: "activities.errors.placeRequired" }]);
    expect(errorsOf({ capacity: "0" })).toEqual([{ path: ["capacity"], message: "activities.errors.capacityInvalid" }]);
  });
});

describe("answers and the waiting list", () => {
  it("puts a 'oui' beyond the capacity on the waiting list, and promotes it when a place is given back", async () => {
    const activity = await published({ title: "Café emploi à une place", kind: "cafe", capacity: "1" });
    expect(await respondToActivity(ctxOf(alice), { activityId: activity.id, response: "going" })).toEqual({
      response: "going",
      promoted: [],
    });
    expect((await respondToActivity(ctxOf(bob), { activityId: activity.id, response: "going" })).response).toBe(
      "waitlisted",
    );
    await respondToActivity(ctxOf(carla), { activityId: activity.id, response: "going" });
    expect((await getActivityPage(ctxOf(dan), activity.id)).activity).toMatchObject({ going: 1, waiting: 2 });

    // Alice gives her place back: Bob, who waited longest, gets it and is told.
    const declined = await respondToActivity(ctxOf(alice), { activityId: activity.id, response: "declined" });
    expect(declined).toEqual({ response: "declined", promoted: [bob.id] });
    expect(await responseOf(bob, activity.id)).toMatchObject({ response: "going" });
    expect(await responseOf(carla, activity.id)).toMatchObject({ response: "waitlisted" });
    expect(await activityEvents(bob, activity.id)).toEqual(["promoted"]);
    expect(await activityEvents(carla, activity.id)).toEqual([]);
    const page = await getActivityPage(ctxOf(dan), activity.id);
    expect(page.activity).toMatchObject({ going: 1, waiting: 1 });
    expect(page.rsvps.map((rsvp) => [rsvp.name, rsvp.response])).toEqual([
      [bob.name, "going"],
      [carla.name, "waitlisted"],
      [alice.name, "declined"],
    ]);
  });

  it("never over-fills the last place when two members answer 'oui' at the same instant", async () => {
    for (let round = 0; round < 10; round += 1) {
      const activity = await published({ title: `Dernière place ${round}`, capacity: "1" });
      const answers = await Promise.all(
        [dan, eve].map((member) => respondToActivity(ctxOf(member), { activityId: activity.id, response: "going" })),
      );
      expect(answers.map((answer) => answer.response).sort()).toEqual(["going", "waitlisted"]);
      const rows = await testDb.db
        .select({ response: activityRsvps.response })
        .from(activityRsvps)
        .where(eq(activityRsvps.activityId, activity.id));
      expect(rows.map((row) => row.response).sort()).toEqual(["going", "waitlisted"]);
    }
  });
});

describe("the visio link", () => {
  it("is shown to participants and the host only", async () => {
    const activity = await hostedBy(alice, {
      title: "Rencontre pro en visio",
      kind: "rencontre",
      place: "",
      visioUrl: "https://visio.example.org/rencontre",
    });
    await respondToActivity(ctxOf(carla), { activityId: activity.id, response: "going" });
    await respondToActivity(ctxOf(dan), { activityId: activity.id, response: "maybe" });

    const visioFor = async (user: User) => (await getActivityPage(ctxOf(user), activity.id)).activity.visioUrl;
    expect(await visioFor(bob)).toBeNull();
    expect(await visioFor(dan)).toBeNull();
    expect(await visioFor(carla)).toBe("https://visio.example.org/rencontre");
    expect(await visioFor(alice)).toBe("https://visio.example.org/rencontre");
    const listed = (await listUpcomingActivities(ctxOf(bob))).find((item) => item.id === activity.id);
    expect(listed).toMatchObject({ visioUrl: null, canSeeAccess: false });
  });
});

describe("cancelling an activity", () => {
  it("is refused to a member who does not host it, and changes nothing", async () => {
    const activity = await hostedBy(alice, { title: "Atelier LinkedIn" });
    await expectAppError(cancelActivity(ctxOf(bob), { activityId: activity.id, reason: "" }), "forbidden");
    expect(await statusOf(activity.id)).toBe("published");
  });

  it("by the host tells everyone who answered 'oui', 'peut-être' or waits", async () => {
    const activity = await hostedBy(alice, { title: "Visite d'une Scop", kind: "visite", capacity: "1" });
    await respondToActivity(ctxOf(bob), { activityId: activity.id, response: "going" });
    await respondToActivity(ctxOf(carla), { activityId: activity.id, response: "going" });
    await respondToActivity(ctxOf(dan), { activityId: activity.id, response: "maybe" });
    await respondToActivity(ctxOf(eve), { activityId: activity.id, response: "declined" });

    const cancelled = await cancelActivity(ctxOf(alice), { activityId: activity.id, reason: "L'entreprise a annulé" });
    expect(cancelled).toMatchObject({ status: "cancelled", cancelReason: "L'entreprise a annulé" });
    for (const told of [bob, carla, dan]) expect(await activityEvents(told, activity.id)).toEqual(["cancelled"]);
    for (const untold of [eve, alice]) expect(await activityEvents(untold, activity.id)).not.toContain("cancelled");
    // Nobody can answer any more.
    await expectAppError(respondToActivity(ctxOf(eve), { activityId: activity.id, response: "going" }), "forbidden");
  });
  it("cancelled twice at once (a double click) tells each participant once", async () => {
    const activity = await hostedBy(alice, { title: "Café emploi annulé deux fois", kind: "cafe" });
    await respondToActivity(ctxOf(bob), { activityId: activity.id, response: "going" });
    await Promise.allSettled([
      cancelActivity(ctxOf(alice), { activityId: activity.id, reason: "" }),
      cancelActivity(ctxOf(alice), { activityId: activity.id, reason: "" }),
    ]);
    expect(await statusOf(activity.id)).toBe("cancelled");
    expect(await activityEvents(bob, activity.id)).toEqual(["cancelled"]);
  });
});

describe("after the activity", () => {
  it("the host records attendance once it started, for those who had a place only", async () => {
    const activity = await hostedBy(alice, {
      title: "Atelier pitch",
      startsAt: "2027-03-03T14:00",
      endsAt: "2027-03-03T16:00",
    });
    await respondToActivity(ctxOf(carla), { activityId: activity.id, response: "going" });
    await respondToActivity(ctxOf(dan), { activityId: activity.id, response: "maybe" });
    const before = new Date("2027-03-03T12:59:00Z");
    const after = new Date("2027-03-03T15:30:00Z");

    await expectAppError(
      recordAttendance(ctxOf(alice), { activityId: activity.id, userId: carla.id, attendance: "present" }, before),
      "conflict",
    );
    expect(await responseOf(carla, activity.id)).toMatchObject({ attendance: null });
    await expectAppError(
      recordAttendance(ctxOf(bob), { activityId: activity.id, userId: carla.id, attendance: "present" }, after),
      "forbidden",
    );
    await expectAppError(
      recordAttendance(ctxOf(alice), { activityId: activity.id, userId: dan.id, attendance: "present" }, after),
      "not_found",
    );
    expect(await responseOf(dan, activity.id)).toMatchObject({ attendance: null });

    await recordAttendance(ctxOf(alice), { activityId: activity.id, userId: carla.id, attendance: "present" }, after);
    const { rsvps } = await getActivityPage(ctxOf(alice), activity.id);
    expect(rsvps.find((rsvp) => rsvp.userId === carla.id)).toMatchObject({ attendance: "present" });
  });

  it("the host's recap is a reply in the announcement thread", async () => {
    const activity = await hostedBy(alice, { title: "Soirée réseau", kind: "soiree" });
    await expectAppError(postRecap(ctxOf(bob), { activityId: activity.id, recap: "Je n'y étais pas" }), "forbidden");

    const path = await postRecap(ctxOf(alice), { activityId: activity.id, recap: "Douze personnes, trois contacts." });
    const [row] = await testDb.db.select().from(activities).where(eq(activities.id, activity.id));
    const [post] = await testDb.db.select().from(posts).where(eq(posts.id, row!.recapPostId!));
    const [thread] = await testDb.db.select().from(threads).where(eq(threads.id, activity.threadId!));
    expect(post).toMatchObject({ threadId: activity.threadId, authorId: alice.id });
    expect(post!.bodyText).toContain("Douze personnes, trois contacts.");
    expect(path).toBe(`${threadPath("programme", thread!)}?post=${post!.number}#p${post!.number}`);
  });
});
