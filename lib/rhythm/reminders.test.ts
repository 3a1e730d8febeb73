import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { notifications, type User } from "@/db/schema";
import { createServiceTestDb } from "@/db/service-testing";
import { actorOf } from "@/db/test-factories";
import type { TestDb } from "@/db/testing";
import { contextFor } from "@/lib/context";
import { makeActivityCast } from "./testing";
import { activitySchema } from "@/lib/validation/rhythm";
import { cancelActivity, proposeActivity, respondToActivity } from "./activities";
import { sendActivityReminders } from "./reminders";

// Messages need a request scope in Next; here a key stands for its text.
vi.mock("next-intl/server", () => ({ getTranslations: async () => (key: string) => key }));

let testDb: TestDb & { dataDir: string };
let fanny: User;
let alice: User;
let bob: User;
let carla: User;
let dan: User;
let eve: User;

const MINUTE = 60 * 1000;
const HOUR = 60 * MINUTE;
const ctxOf = (user: User) => contextFor(actorOf(user), testDb.db);

beforeAll(async () => {
  testDb = await createServiceTestDb({ RATE_LIMITS: "off" });
  ({ fanny, alice, bob, carla, dan, eve } = await makeActivityCast(testDb.db));
});
afterAll(async () => {
  await testDb.close();
});

/** An activity published by the facilitator at `now` (Paris wall-clock times in the form). */
const publish = (fields: Record<string, string>, now?: Date) =>
  proposeActivity(
    ctxOf(fanny),
    activitySchema.parse({
      title: "Atelier",
      kind: "atelier",
      place: "Salle 2",
      visioUrl: "",
      capacity: "",
      ...fields,
    }),
    now,
  );

/** The reminders a member got about one activity, in order. */
async function remindersOf(user: User, activityId: number) {
  const rows = await testDb.db
    .select({ payload: notifications.payload })
    .from(notifications)
    .where(and(eq(notifications.userId, user.id), eq(notifications.kind, "activity")))
    .orderBy(notifications.id);
  return rows
    .filter((row) => row.payload.activityId === activityId)
    .map((row) => row.payload.event)
    .filter((event) => event === "reminderDay" || event === "reminderHour");
}

describe("activity reminders", () => {
  it("go the day before and one hour before, once each, to the members who have a place and to the host", async () => {
    // Wednesday 10 February 2027, 14:00 in Paris = 13:00 UTC.
    const activity = await publish({
      title: "Atelier entretien",
      startsAt: "2027-02-10T14:00",
      endsAt: "2027-02-10T16:00",
      capacity: "2",
    });
    const start = activity.startsAt.getTime();
    expect(activity.startsAt.toISOString()).toBe("2027-02-10T13:00:00.000Z");
    for (const [member, response] of [
      [alice, "going"],
      [bob, "going"],
      [carla, "going"], // beyond the capacity: waiting list
      [dan, "maybe"],
      [eve, "declined"],
    ] as const) {
      await respondToActivity(ctxOf(member), { activityId: activity.id, response });
    }

    // Two days before: nothing is due yet.
    expect(await sendActivityReminders(testDb.db, new Date(start - 48 * HOUR))).toBe(0);
    // The day before, then the next runs of the job.
    // Alice and Bob have a place; Fanny hosts.
    expect(await sendActivityReminders(testDb.db, new Date(start - 23 * HOUR))).toBe(3);
    expect(await sendActivityReminders(testDb.db, new Date(start - 22 * HOUR))).toBe(0);
    expect(await sendActivityReminders(testDb.db, new Date(start - 2 * HOUR))).toBe(0);
    // One hour before.
    expect(await sendActivityReminders(testDb.db, new Date(start - 55 * MINUTE))).toBe(3);
    expect(await sendActivityReminders(testDb.db, new Date(start - 50 * MINUTE))).toBe(0);
    expect(await sendActivityReminders(testDb.db, new Date(start + 10 * MINUTE))).toBe(0);

    for (const member of [alice, bob, fanny]) {
      expect(await remindersOf(member, activity.id)).toEqual(["reminderDay", "reminderHour"]);
    }
    for (const member of [carla, dan, eve]) expect(await remindersOf(member, activity.id)).toEqual([]);
  });

  it("for an activity created less than an hour ahead, only the one-hour reminder goes", async () => {
    // Wednesday 12 May 2027, 18:00 in Paris = 16:00 UTC, created at 17:30.
    const createdAt = new Date("2027-05-12T15:30:00Z");
    const activity = await publish(
      {
        title: "Café emploi de dernière minute",
        kind: "cafe",
        startsAt: "2027-05-12T18:00",
        endsAt: "2027-05-12T19:00",
      },
      createdAt,
    );
    await respondToActivity(ctxOf(alice), { activityId: activity.id, response: "going" });

    expect(await sendActivityReminders(testDb.db, createdAt)).toBe(2);
    expect(await sendActivityReminders(testDb.db, new Date(createdAt.getTime() + 5 * MINUTE))).toBe(0);
    expect(await remindersOf(alice, activity.id)).toEqual(["reminderHour"]);
  });

  it("go once when two instances run the job at the same instant", async () => {
    const activity = await publish({
      title: "Rencontre pro",
      startsAt: "2027-07-07T10:00",
      endsAt: "2027-07-07T12:00",
    });
    for (const member of [carla, dan]) {
      await respondToActivity(ctxOf(member), { activityId: activity.id, response: "going" });
    }
    const start = activity.startsAt.getTime();
    for (const now of [new Date(start - 20 * HOUR), new Date(start - 58 * MINUTE)]) {
      const sent = await Promise.all([sendActivityReminders(testDb.db, now), sendActivityReminders(testDb.db, now)]);
      expect(sent.reduce((sum, count) => sum + count, 0)).toBe(3);
    }
    for (const member of [carla, dan]) {
      expect(await remindersOf(member, activity.id)).toEqual(["reminderDay", "reminderHour"]);
    }
  });

  it("are not sent for a cancelled activity", async () => {
    const activity = await publish({
      title: "Visite annulée",
      startsAt: "2027-06-09T10:00",
      endsAt: "2027-06-09T12:00",
    });
    await respondToActivity(ctxOf(bob), { activityId: activity.id, response: "going" });
    await cancelActivity(ctxOf(fanny), { activityId: activity.id, reason: "" });
    const start = activity.startsAt.getTime();
    expect(await sendActivityReminders(testDb.db, new Date(start - 23 * HOUR))).toBe(0);
    expect(await sendActivityReminders(testDb.db, new Date(start - 55 * MINUTE))).toBe(0);
    expect(await remindersOf(bob, activity.id)).toEqual([]);
  });
});
