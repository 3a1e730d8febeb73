import { PROGRAMME_TIME_ZONE } from "@/lib/domain/rhythm";

const frenchDateTimeFormat = new Intl.DateTimeFormat("fr-FR", {
  weekday: "long",
  day: "numeric",
  month: "long",
  hour: "2-digit",
  minute: "2-digit",
  timeZone: PROGRAMME_TIME_ZONE,
});

/** "jeudi 10 décembre à 14:00", in Paris time (programme content, written in French). */
export function frenchDateTime(instant: Date): string {
  return frenchDateTimeFormat.format(instant);
}

const timeFormat = new Intl.DateTimeFormat("fr-FR", {
  hour: "2-digit",
  minute: "2-digit",
  timeZone: PROGRAMME_TIME_ZONE,
});
const dayKey = new Intl.DateTimeFormat("en-CA", { timeZone: PROGRAMME_TIME_ZONE });

/** "jeudi 10 décembre à 14:00 – 16:00", or both full dates when it spans days. */
export function frenchDateRange(start: Date, end: Date): string {
  const sameDay = dayKey.format(start) === dayKey.format(end);
  return `${frenchDateTime(start)} – ${sameDay ? timeFormat.format(end) : frenchDateTime(end)}`;
}
