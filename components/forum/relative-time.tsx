"use client";

import { useFormatter, useNow } from "next-intl";

/** "il y a 3 heures", with the exact date in a tooltip and for machines. */
export function RelativeTime({ date }: { date: string | Date }) {
  const format = useFormatter();
  const now = useNow({ updateInterval: 60_000 });
  const value = typeof date === "string" ? new Date(date) : date;
  return (
    <time
      dateTime={value.toISOString()}
      title={format.dateTime(value, { dateStyle: "full", timeStyle: "short" })}
      suppressHydrationWarning
    >
      {format.relativeTime(value, now)}
    </time>
  );
}
