import { describe, expect, it } from "vitest";
import { dueDigestPeriod, isInQuietHours, localTime, quietHoursEnd } from "./schedule";

const quiet = { start: 22, end: 8 };

describe("notification schedule", () => {
  it("reads the member's wall clock, an unknown zone as Paris", () => {
    const at = new Date("2026-12-07T07:30:00Z"); // a Monday
    expect(localTime(at, "Europe/Paris")).toMatchObject({ hour: 8, minute: 30, weekday: 1, day: 7 });
    expect(localTime(at, "America/Montreal")).toMatchObject({ hour: 2, weekday: 1 });
    expect(localTime(at, "Not/AZone")).toMatchObject({ hour: 8 });
  });

  it("postpones to the end of quiet hours, over midnight", () => {
    const late = new Date("2026-12-07T22:15:00Z"); // 23:15 in Paris
    expect(isInQuietHours(late, "Europe/Paris", quiet)).toBe(true);
    expect(quietHoursEnd(late, "Europe/Paris", quiet).toISOString()).toBe("2026-12-08T07:00:00.000Z");
    const early = new Date("2026-12-08T05:40:00Z"); // 6:40 in Paris
    expect(quietHoursEnd(early, "Europe/Paris", quiet).toISOString()).toBe("2026-12-08T07:00:00.000Z");
    expect(isInQuietHours(new Date("2026-12-08T07:00:00Z"), "Europe/Paris", quiet)).toBe(false);
  });

  it("makes the weekly digest due on Monday from 8:00 local time, named by ISO week", () => {
    expect(dueDigestPeriod(new Date("2026-12-07T06:59:00Z"), "Europe/Paris", "weekly")).toBeNull();
    expect(dueDigestPeriod(new Date("2026-12-07T07:00:00Z"), "Europe/Paris", "weekly")).toBe("2026-W50");
    expect(dueDigestPeriod(new Date("2026-12-07T23:30:00Z"), "Europe/Paris", "weekly")).toBeNull(); // Tuesday there
    expect(dueDigestPeriod(new Date("2026-12-07T14:00:00Z"), "America/Montreal", "weekly")).toBe("2026-W50");
    expect(dueDigestPeriod(new Date("2027-01-04T09:00:00Z"), "Europe/Paris", "weekly")).toBe("2027-W01");
    expect(dueDigestPeriod(new Date("2026-12-08T09:00:00Z"), "Europe/Paris", "weekly")).toBeNull();
  });

  it("makes the daily digest due every day from 8:00, never when turned off", () => {
    expect(dueDigestPeriod(new Date("2026-12-08T09:00:00Z"), "Europe/Paris", "daily")).toBe("2026-12-08");
    expect(dueDigestPeriod(new Date("2026-12-08T05:00:00Z"), "Europe/Paris", "daily")).toBeNull();
    expect(dueDigestPeriod(new Date("2026-12-07T09:00:00Z"), "Europe/Paris", "never")).toBeNull();
  });
});
