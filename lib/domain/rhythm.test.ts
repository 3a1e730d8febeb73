import { describe, expect, it } from "vitest";
import { checkinStreak, checkinWeekOf, utcToZonedTime, zonedDate, zonedTimeToUtc } from "./rhythm";

const at = (iso: string) => new Date(iso);

describe("the check-in week of an instant", () => {
  it("starts on the latest Monday by default, the Monday itself included", () => {
    expect(checkinWeekOf(at("2027-01-04T09:00:00Z"))).toBe("2027-01-04");
    expect(checkinWeekOf(at("2027-01-06T12:00:00Z"))).toBe("2027-01-04");
    expect(checkinWeekOf(at("2027-01-10T12:00:00Z"))).toBe("2027-01-04");
  });

  it("starts on the facilitators' day when it is not Monday", () => {
    // Thursday: a Wednesday belongs to the week opened the Thursday before.
    expect(checkinWeekOf(at("2027-01-06T12:00:00Z"), 4)).toBe("2026-12-31");
    expect(checkinWeekOf(at("2027-01-07T12:00:00Z"), 4)).toBe("2027-01-07");
    // Sunday as check-in day: the Saturday is the week's last day.
    expect(checkinWeekOf(at("2027-01-09T12:00:00Z"), 7)).toBe("2027-01-03");
    expect(checkinWeekOf(at("2027-01-10T12:00:00Z"), 7)).toBe("2027-01-10");
  });

  it("follows midnight in Paris, not in UTC", () => {
    // Monday 00:30 in Paris is still Sunday in UTC: already the new week.
    expect(checkinWeekOf(at("2027-01-10T23:30:00Z"))).toBe("2027-01-11");
    // Sunday 23:30 in Paris: still the old week.
    expect(checkinWeekOf(at("2027-01-10T22:30:00Z"))).toBe("2027-01-04");
    // Same with Thursday as check-in day.
    expect(checkinWeekOf(at("2027-01-06T23:15:00Z"), 4)).toBe("2027-01-07");
    expect(checkinWeekOf(at("2027-01-06T22:45:00Z"), 4)).toBe("2026-12-31");
  });

  it("is right on both sides of the change to summer time (28 March 2027)", () => {
    // Monday 29 March 00:30 in Paris is 22:30 UTC the day before (UTC+2 now).
    expect(checkinWeekOf(at("2027-03-28T22:30:00Z"))).toBe("2027-03-29");
    // Sunday 28 March 23:59 in Paris.
    expect(checkinWeekOf(at("2027-03-28T21:59:00Z"))).toBe("2027-03-22");
    // With Sunday as check-in day, the night the clocks jump: 00:30 (UTC+1) and 03:30 (UTC+2).
    expect(checkinWeekOf(at("2027-03-27T23:30:00Z"), 7)).toBe("2027-03-28");
    expect(checkinWeekOf(at("2027-03-28T01:30:00Z"), 7)).toBe("2027-03-28");
    expect(checkinWeekOf(at("2027-03-27T22:30:00Z"), 7)).toBe("2027-03-21");
  });

  it("is right on both sides of the change back to winter time (31 October 2027)", () => {
    // Monday 1 November 00:30 in Paris is 23:30 UTC the day before (UTC+1 again).
    expect(checkinWeekOf(at("2027-10-31T23:30:00Z"))).toBe("2027-11-01");
    // Sunday 31 October 23:30 in Paris.
    expect(checkinWeekOf(at("2027-10-31T22:30:00Z"))).toBe("2027-10-25");
    // The week before the change, Monday 25 October 00:30 in Paris (UTC+2).
    expect(checkinWeekOf(at("2027-10-24T22:30:00Z"))).toBe("2027-10-25");
  });

  it("gives the Paris date and ISO weekday of an instant", () => {
    expect(zonedDate(at("2027-03-28T22:30:00Z"))).toEqual({ date: "2027-03-29", weekday: 1 });
    expect(zonedDate(at("2027-10-31T22:30:00Z"))).toEqual({ date: "2027-10-31", weekday: 7 });
  });
});

describe("the check-in streak", () => {
  it("counts consecutive weeks back from this week", () => {
    expect(checkinStreak(["2027-01-18", "2027-01-11", "2027-01-04"], "2027-01-18")).toBe(3);
  });

  it("does not break while this week is still open", () => {
    expect(checkinStreak(["2027-01-18", "2027-01-11", "2027-01-04"], "2027-01-25")).toBe(3);
  });

  it("is broken by a missed week", () => {
    expect(checkinStreak(["2027-01-18", "2027-01-04"], "2027-01-18")).toBe(1);
    // Last week missed and this week not done yet: nothing running.
    expect(checkinStreak(["2027-01-18", "2027-01-11"], "2027-02-01")).toBe(0);
    expect(checkinStreak([], "2027-02-01")).toBe(0);
  });

  it("counts weeks across a daylight-saving change and in any order", () => {
    expect(checkinStreak(["2027-03-22", "2027-04-05", "2027-03-29"], "2027-04-05")).toBe(3);
    expect(checkinStreak(["2027-10-25", "2027-11-01"], "2027-11-08")).toBe(2);
  });
});

describe("Paris wall-clock times", () => {
  it("10:00 in Paris is 09:00 UTC in winter and 08:00 UTC in summer", () => {
    expect(zonedTimeToUtc("2027-01-15T10:00").toISOString()).toBe("2027-01-15T09:00:00.000Z");
    expect(zonedTimeToUtc("2027-07-15T10:00").toISOString()).toBe("2027-07-15T08:00:00.000Z");
  });

  it("switches offset on the days the clocks change", () => {
    expect(zonedTimeToUtc("2027-03-27T10:00").toISOString()).toBe("2027-03-27T09:00:00.000Z");
    expect(zonedTimeToUtc("2027-03-28T10:00").toISOString()).toBe("2027-03-28T08:00:00.000Z");
    expect(zonedTimeToUtc("2027-03-29T10:00").toISOString()).toBe("2027-03-29T08:00:00.000Z");
    expect(zonedTimeToUtc("2027-10-30T10:00").toISOString()).toBe("2027-10-30T08:00:00.000Z");
    expect(zonedTimeToUtc("2027-10-31T10:00").toISOString()).toBe("2027-10-31T09:00:00.000Z");
    // Just before and after the jump, the night of 28 March.
    expect(zonedTimeToUtc("2027-03-28T01:59").toISOString()).toBe("2027-03-28T00:59:00.000Z");
    expect(zonedTimeToUtc("2027-03-28T03:00").toISOString()).toBe("2027-03-28T01:00:00.000Z");
  });

  it("reads back the same wall-clock time on both sides of each change", () => {
    for (const local of [
      "2027-01-15T10:00",
      "2027-03-27T10:00",
      "2027-03-28T10:00",
      "2027-03-29T10:00",
      "2027-03-28T01:59",
      "2027-10-30T10:00",
      "2027-10-31T10:00",
      "2027-11-01T10:00",
      // An hour that happens twice (clocks go back at 03:00): one of them, read back the same.
      "2027-10-31T02:30",
      "2027-12-31T23:59",
    ]) {
      expect(utcToZonedTime(zonedTimeToUtc(local))).toBe(local);
    }
    expect(utcToZonedTime(at("2027-03-29T08:00:00Z"))).toBe("2027-03-29T10:00");
    expect(utcToZonedTime(at("2027-03-27T09:00:00Z"))).toBe("2027-03-27T10:00");
  });

  it("moves a time that does not exist in Paris (the skipped hour) forward, and refuses malformed input", () => {
    expect(utcToZonedTime(zonedTimeToUtc("2027-03-28T02:30"))).toBe("2027-03-28T03:30");
    expect(Number.isNaN(zonedTimeToUtc("2027-03-28 10:00").getTime())).toBe(true);
    expect(Number.isNaN(zonedTimeToUtc("").getTime())).toBe(true);
  });
});
