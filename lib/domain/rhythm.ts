/**
 * The programme's weekly rhythm — check-ins and activities — as plain lists, types and date
 * arithmetic shared by the schema, services and UI (pure: no imports).
 */

/** How a goal of last week went, as ticked in this week's check-in. */
export const goalOutcomes = ["done", "partly", "not_yet"] as const;
export type GoalOutcome = (typeof goalOutcomes)[number];

export type GoalReview = { goal: string; outcome: GoalOutcome };

/** The prompts of the check-in form; facilitators edit them, each week keeps the ones it was asked with. */
export type CheckinQuestions = {
  goals: string;
  review: string;
  goodNews: string;
  difficulty: string;
  help: string;
};

export const DEFAULT_CHECKIN_QUESTIONS: CheckinQuestions = {
  goals: "Tes objectifs pour cette semaine (1 à 3)",
  review: "Et tes objectifs de la semaine dernière ?",
  goodNews: "Une bonne nouvelle de la semaine",
  difficulty: "Une difficulté rencontrée",
  help: "Un coup de main sur…",
};

/** 1 = Monday … 7 = Sunday (ISO). */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;
export const DEFAULT_CHECKIN_DAY: IsoWeekday = 1;
export const MAX_GOALS = 3;

/** The programme's clock: weeks, activities and reminders are in Paris time. */
export const PROGRAMME_TIME_ZONE = "Europe/Paris";

/** The calendar date (YYYY-MM-DD) and ISO weekday of an instant in a time zone. */
export function zonedDate(instant: Date, timeZone = PROGRAMME_TIME_ZONE): { date: string; weekday: IsoWeekday } {
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    weekday: "short",
  }).formatToParts(instant);
  const get = (type: string) => parts.find((part) => part.type === type)?.value ?? "";
  const weekdays = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
  return {
    date: `${get("year")}-${get("month")}-${get("day")}`,
    weekday: (weekdays.indexOf(get("weekday")) + 1) as IsoWeekday,
  };
}

/** Adds days to a YYYY-MM-DD date (calendar arithmetic, no time zone involved). */
export function addDays(date: string, days: number): string {
  const [year, month, day] = date.split("-").map(Number);
  return new Date(Date.UTC(year!, month! - 1, day! + days)).toISOString().slice(0, 10);
}

/**
 * The check-in week an instant belongs to, named by its first day: the latest `checkinDay`
 * on or before that instant's Paris date.
 */
export function checkinWeekOf(instant: Date, checkinDay: IsoWeekday = DEFAULT_CHECKIN_DAY): string {
  const { date, weekday } = zonedDate(instant);
  return addDays(date, -((weekday - checkinDay + 7) % 7));
}

/**
 * Consecutive weeks with a check-in, counting back from this week (or from last week when this
 * week's is not done yet: a week still open never breaks a streak). `weeks` are YYYY-MM-DD starts.
 */
export function checkinStreak(weeks: readonly string[], currentWeek: string): number {
  const done = new Set(weeks);
  let week = done.has(currentWeek) ? currentWeek : addDays(currentWeek, -7);
  let streak = 0;
  while (done.has(week)) {
    streak += 1;
    week = addDays(week, -7);
  }
  return streak;
}

export const activityKinds = ["atelier", "visite", "rencontre", "cafe", "soiree", "autre"] as const;
export type ActivityKind = (typeof activityKinds)[number];

/** `proposed` waits for a facilitator; `published` is open for answers. */
export const activityStatuses = ["proposed", "published", "rejected", "cancelled"] as const;
export type ActivityStatus = (typeof activityStatuses)[number];

/** A member's answer; `waitlisted` is a "oui" beyond the capacity, promoted in answer order. */
export const rsvpResponses = ["going", "waitlisted", "maybe", "declined"] as const;
export type RsvpResponse = (typeof rsvpResponses)[number];

export const attendanceValues = ["present", "absent"] as const;
export type Attendance = (typeof attendanceValues)[number];

/**
 * The UTC instant of a wall-clock time in a time zone (e.g. "2027-03-28T10:00" in Paris). Two
 * passes settle the offset on both sides of a daylight-saving change.
 */
export function zonedTimeToUtc(localDateTime: string, timeZone = PROGRAMME_TIME_ZONE): Date {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(localDateTime);
  if (!match) return new Date(Number.NaN);
  const [, year, month, day, hour, minute] = match.map(Number) as number[];
  const asUtc = Date.UTC(year!, month! - 1, day!, hour!, minute!);
  let guess = asUtc - offsetMs(new Date(asUtc), timeZone);
  guess = asUtc - offsetMs(new Date(guess), timeZone);
  return new Date(guess);
}

/** The inverse: the wall-clock "YYYY-MM-DDTHH:mm" of an instant in a time zone (form values). */
export function utcToZonedTime(instant: Date, timeZone = PROGRAMME_TIME_ZONE): string {
  const shifted = new Date(instant.getTime() + offsetMs(instant, timeZone));
  return shifted.toISOString().slice(0, 16);
}

function offsetMs(instant: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(instant);
  const get = (type: string) => Number(parts.find((part) => part.type === type)?.value);
  const wall = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second"));
  return wall - Math.floor(instant.getTime() / 1000) * 1000;
}
