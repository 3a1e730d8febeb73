import { isQuietHour, type DigestFrequency } from "@/lib/domain/notifications";

/** The hour digests go out, in the member's time zone (Monday for the weekly one). */
export const DIGEST_HOUR = 8;

const FALLBACK_TIME_ZONE = "Europe/Paris";

export type LocalTime = { year: number; month: number; day: number; hour: number; minute: number; weekday: number };

const WEEKDAYS: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };

/** The wall-clock date and time at `at` in `timeZone` (an unknown zone reads as Europe/Paris). ISO weekday: Monday = 1. */
export function localTime(at: Date, timeZone: string): LocalTime {
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      weekday: "short",
    });
  } catch {
    return localTime(at, FALLBACK_TIME_ZONE);
  }
  const parts = Object.fromEntries(format.formatToParts(at).map((part) => [part.type, part.value]));
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    weekday: WEEKDAYS[parts.weekday!] ?? 1,
  };
}

type QuietHours = { start: number; end: number };

export function isInQuietHours(at: Date, timeZone: string, quiet: QuietHours): boolean {
  return isQuietHour(localTime(at, timeZone).hour, quiet);
}

/**
 * When the quiet hours around `at` end (the next `quiet.end` o'clock, local time). Counted in
 * elapsed minutes, so a daylight-saving change can be an hour off: the delivery job checks
 * quiet hours again when it runs and waits once more if needed.
 */
export function quietHoursEnd(at: Date, timeZone: string, quiet: QuietHours): Date {
  const local = localTime(at, timeZone);
  const hours = (quiet.end - local.hour + 24) % 24 || 24;
  return new Date(at.getTime() + (hours * 60 - local.minute) * 60_000);
}

const pad = (value: number) => String(value).padStart(2, "0");

/** ISO 8601 week of a calendar date: `2026-W49`. */
function isoWeek(year: number, month: number, day: number): string {
  const date = new Date(Date.UTC(year, month - 1, day));
  const weekday = date.getUTCDay() || 7;
  // The week belongs to the year of its Thursday.
  date.setUTCDate(date.getUTCDate() + 4 - weekday);
  const weekYear = date.getUTCFullYear();
  const week = Math.ceil(((date.getTime() - Date.UTC(weekYear, 0, 1)) / 86_400_000 + 1) / 7);
  return `${weekYear}-W${pad(week)}`;
}

/**
 * The digest a member is due at `at`, or null: the weekly one from Monday 8:00 to the end of
 * Monday, the daily one from 8:00 to the end of the day (their time zone). The window lets a
 * planner that missed an hour (a restart, a deploy) catch up the same day; the period names the
 * digest (`2026-W49`, `2026-12-07`), so it is sent once per period.
 */
export function dueDigestPeriod(at: Date, timeZone: string, frequency: DigestFrequency): string | null {
  if (frequency === "never") return null;
  const local = localTime(at, timeZone);
  if (local.hour < DIGEST_HOUR) return null;
  if (frequency === "daily") return `${local.year}-${pad(local.month)}-${pad(local.day)}`;
  return local.weekday === 1 ? isoWeek(local.year, local.month, local.day) : null;
}

/** How far back a digest looks for unanswered review requests (and what "this week" means in it). */
export function digestWindowDays(period: string): number {
  return period.includes("-W") ? 7 : 1;
}
