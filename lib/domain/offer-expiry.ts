import { OFFER_DEFAULT_LIFETIME_DAYS } from "./offers";

const DAY_MS = 86_400_000;
const PARIS = "Europe/Paris";

const offsetFormat = new Intl.DateTimeFormat("en-US", { timeZone: PARIS, timeZoneName: "longOffset" });
const dayFormat = new Intl.DateTimeFormat("en-CA", {
  timeZone: PARIS,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

/** Minutes Paris is ahead of UTC at an instant (60 in winter, 120 in summer). */
function parisOffsetMinutes(instant: Date): number {
  const name = offsetFormat.formatToParts(instant).find((part) => part.type === "timeZoneName")?.value ?? "GMT";
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  if (!match) return 0;
  return (match[1] === "-" ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3]));
}

/** `YYYY-MM-DD` plus some days, on the calendar (no time zone involved). */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/**
 * The instant a calendar day starts in Paris. Clocks change at 2–3 am, so the offset read at
 * 00:00 UTC of that day is the one in force at Paris midnight.
 */
export function parisMidnight(date: string): Date {
  const utcMidnight = Date.parse(`${date}T00:00:00Z`);
  return new Date(utcMidnight - parisOffsetMinutes(new Date(utcMidnight)) * 60_000);
}

/** Today's date in Paris, `YYYY-MM-DD`: deadlines are French calendar days. */
export function parisToday(now: Date = new Date()): string {
  return dayFormat.format(now);
}

/**
 * When an offer leaves the default list: the end of its deadline day in Paris (applications
 * are accepted all day long), or 60 days after publication when it has no deadline.
 */
export function offerExpiresAt({ deadline, publishedAt }: { deadline: string | null; publishedAt: Date }): Date {
  if (deadline) return parisMidnight(addDays(deadline, 1));
  return new Date(publishedAt.getTime() + OFFER_DEFAULT_LIFETIME_DAYS * DAY_MS);
}

export function isOfferExpired(offer: { expiresAt: Date }, now: Date = new Date()): boolean {
  return now.getTime() >= offer.expiresAt.getTime();
}

/** Open: still in the default list and not filled; the listing's "encore ouvertes" filter. */
export function isOfferOpen(offer: { expiresAt: Date; filledAt: Date | null }, now: Date = new Date()): boolean {
  return offer.filledAt === null && !isOfferExpired(offer, now);
}
