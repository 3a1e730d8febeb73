import ical, { type VEvent } from "node-ical";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Activity, User } from "@/db/schema";
import { createServiceTestDb } from "@/db/service-testing";
import { actorOf, makeUser } from "@/db/test-factories";
import type { TestDb } from "@/db/testing";
import { contextFor } from "@/lib/context";
import { activitySchema } from "@/lib/validation/rhythm";
import { cancelActivity, proposeActivity, respondToActivity } from "./activities";
import {
  activityIcs,
  calendarFeedIcs,
  createMyCalendarFeed,
  hasMyCalendarFeed,
  revokeMyCalendarFeed,
  toIcs,
} from "./calendar";

// Messages need a request scope in Next; here a key stands for its text.
vi.mock("next-intl/server", () => ({ getTranslations: async () => (key: string) => key }));

let testDb: TestDb & { dataDir: string };
let fanny: User;
let alice: User;
let bob: User;
let beforeChange: Activity;
let afterChange: Activity;

const VISIO = "https://visio.example.org/apres-le-changement";
const ctxOf = (user: User) => contextFor(actorOf(user), testDb.db);
const feedCtx = () => ({ db: testDb.db });

/** An activity published by the facilitator, from the form's Paris wall-clock times. */
const publish = (fields: Record<string, string>) =>
  proposeActivity(
    ctxOf(fanny),
    activitySchema.parse({ kind: "atelier", place: "", visioUrl: "", capacity: "", ...fields }),
  );

beforeAll(async () => {
  testDb = await createServiceTestDb({ RATE_LIMITS: "off", PUBLIC_URL: "https://communaute.example.org" });
  fanny = await makeUser(testDb.db, "Fanny Facilitatrice", "facilitator");
  alice = await makeUser(testDb.db, "Alice Martin");
  bob = await makeUser(testDb.db, "Bob Durand");
  // Either side of the change to summer time (Sunday 28 March 2027).
  beforeChange = await publish({
    title: "Atelier CV du samedi",
    startsAt: "2027-03-27T10:00",
    endsAt: "2027-03-27T12:00",
    place: "Maison de l'emploi",
  });
  afterChange = await publish({
    title: "Rencontre pro du lundi",
    kind: "rencontre",
    startsAt: "2027-03-29T10:00",
    endsAt: "2027-03-29T11:30",
    visioUrl: VISIO,
  });
  for (const activity of [beforeChange, afterChange]) {
    await respondToActivity(ctxOf(alice), { activityId: activity.id, response: "going" });
  }
});
afterAll(async () => {
  await testDb.close();
});

/** The events of an iCalendar text, read by an independent parser, by title. */
function eventsOf(ics: string): Map<string, VEvent> {
  const parsed = ical.sync.parseICS(ics);
  const events = Object.values(parsed).filter((item): item is VEvent => item?.type === "VEVENT");
  return new Map(events.map((event) => [String(event.summary), event]));
}

const parisTime = (instant: Date) =>
  new Intl.DateTimeFormat("fr-FR", { timeZone: "Europe/Paris", hour: "2-digit", minute: "2-digit" }).format(instant);

const tokenOf = (url: string) => /\/calendrier\/([^/]+)\.ics$/.exec(url)![1]!;

describe("a member's calendar feed", () => {
  it("puts the activities at the right instants on both sides of a daylight-saving change", async () => {
    const url = await createMyCalendarFeed(ctxOf(alice));
    expect(url).toMatch(/^webcal:\/\/communaute\.example\.org\/calendrier\/[A-Za-z0-9_-]+\.ics$/);
    const ics = await calendarFeedIcs(feedCtx(), tokenOf(url));
    expect(ics).not.toBeNull();

    const events = eventsOf(ics!);
    expect([...events.keys()].sort()).toEqual(["Atelier CV du samedi", "Rencontre pro du lundi"]);
    const saturday = events.get("Atelier CV du samedi")!;
    const monday = events.get("Rencontre pro du lundi")!;
    // Winter time (UTC+1) on Saturday, summer time (UTC+2) on Monday: 10:00 in Paris both days.
    expect(saturday.start.toISOString()).toBe("2027-03-27T09:00:00.000Z");
    expect(saturday.end?.toISOString()).toBe("2027-03-27T11:00:00.000Z");
    expect(monday.start.toISOString()).toBe("2027-03-29T08:00:00.000Z");
    expect(monday.end?.toISOString()).toBe("2027-03-29T09:30:00.000Z");
    expect(parisTime(saturday.start)).toBe("10:00");
    expect(parisTime(monday.start)).toBe("10:00");
    expect(String(saturday.location)).toBe("Maison de l'emploi");
    expect(String(saturday.url)).toBe(`https://communaute.example.org/activites/${beforeChange.id}`);
  });

  it("gives a participant the visio link", async () => {
    const ics = await calendarFeedIcs(feedCtx(), tokenOf(await createMyCalendarFeed(ctxOf(alice))));
    expect(String(eventsOf(ics!).get("Rencontre pro du lundi")!.description)).toContain(`Visio : ${VISIO}`);
  });

  it("holds only its owner's activities", async () => {
    const ics = await calendarFeedIcs(feedCtx(), tokenOf(await createMyCalendarFeed(ctxOf(bob))));
    expect(eventsOf(ics!).size).toBe(0);
    expect(ics).not.toContain(VISIO);
  });

  it("marks a cancelled activity as cancelled", async () => {
    const cancelled = await publish({
      title: "Soirée annulée",
      kind: "soiree",
      startsAt: "2027-04-02T19:00",
      endsAt: "2027-04-02T22:00",
      place: "Le local",
    });
    await respondToActivity(ctxOf(alice), { activityId: cancelled.id, response: "going" });
    await cancelActivity(ctxOf(fanny), { activityId: cancelled.id, reason: "" });
    const ics = await calendarFeedIcs(feedCtx(), tokenOf(await createMyCalendarFeed(ctxOf(alice))));
    expect(eventsOf(ics!).get("Soirée annulée")?.status).toBe("CANCELLED");
  });

  it("answers nothing for an unknown or malformed token", async () => {
    expect(await calendarFeedIcs(feedCtx(), "A".repeat(32))).toBeNull();
    expect(await calendarFeedIcs(feedCtx(), "court")).toBeNull();
    expect(await calendarFeedIcs(feedCtx(), "../../etc/passwd-aaaaaaaaaaaaaaaaaaaaa")).toBeNull();
    expect(await calendarFeedIcs(feedCtx(), "")).toBeNull();
  });

  it("is revoked by a new address, and by revoking it", async () => {
    const first = tokenOf(await createMyCalendarFeed(ctxOf(alice)));
    const second = tokenOf(await createMyCalendarFeed(ctxOf(alice)));
    expect(second).not.toBe(first);
    expect(await calendarFeedIcs(feedCtx(), first)).toBeNull();
    expect(await calendarFeedIcs(feedCtx(), second)).not.toBeNull();
    expect(await hasMyCalendarFeed(ctxOf(alice))).toBe(true);

    await revokeMyCalendarFeed(ctxOf(alice));
    expect(await calendarFeedIcs(feedCtx(), second)).toBeNull();
    expect(await hasMyCalendarFeed(ctxOf(alice))).toBe(false);
  });
});

describe("one activity's calendar file", () => {
  it("leaves the visio link out for a member who does not take part", async () => {
    const ics = await activityIcs(ctxOf(bob), afterChange.id);
    const event = eventsOf(ics).get("Rencontre pro du lundi")!;
    expect(event.start.toISOString()).toBe("2027-03-29T08:00:00.000Z");
    expect(ics).not.toContain("visio.example.org");
    expect(String(event.description)).not.toContain("Visio :");
  });

  it("carries the visio link for a participant", async () => {
    const ics = await activityIcs(ctxOf(alice), afterChange.id);
    expect(String(eventsOf(ics).get("Rencontre pro du lundi")!.description)).toContain(VISIO);
  });

  it("writes UTC times that any calendar reads back the same", () => {
    const ics = toIcs(
      [
        {
          id: 1,
          title: "Atelier du changement d'heure",
          description: "",
          startsAt: new Date("2027-10-31T09:00:00Z"),
          endsAt: new Date("2027-10-31T10:00:00Z"),
          place: "Salle 3",
          visioUrl: null,
          status: "published",
          hostName: "Fanny",
          updatedAt: new Date("2027-10-01T00:00:00Z"),
        },
      ],
      "Test",
    );
    const event = eventsOf(ics).get("Atelier du changement d'heure")!;
    // 31 October 2027: back to winter time, 10:00 in Paris is 09:00 UTC.
    expect(parisTime(event.start)).toBe("10:00");
    expect(event.status).toBe("CONFIRMED");
  });
});
