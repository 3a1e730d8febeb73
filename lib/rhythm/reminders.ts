import "server-only";
import { claimDueReminders, listParticipantIds } from "@/db/queries/activities";
import type { DbOrTx } from "@/db";
import { defineJob } from "@/lib/jobs/types";
import { notifyMembers } from "@/lib/notifications/fanout";

const HOUR = 60 * 60 * 1000;

/**
 * Reminds participants the day before and one hour before. Each activity is claimed and marked
 * in one statement, so a reminder goes once even with several instances or a retried job. An
 * activity created less than an hour ahead gets only the one-hour reminder. Participants with a
 * place and the host are reminded.
 */
export async function sendActivityReminders(db: DbOrTx, now = new Date()): Promise<number> {
  let sent = 0;
  const hourly = await claimDueReminders(db, { now, within: HOUR, column: "remindedHourBeforeAt" });
  const daily = await claimDueReminders(db, { now, within: 24 * HOUR, column: "remindedDayBeforeAt" });
  const hourlyIds = new Set(hourly.map((activity) => activity.id));
  for (const [event, due] of [
    ["reminderHour", hourly],
    ["reminderDay", daily.filter((activity) => !hourlyIds.has(activity.id))],
  ] as const) {
    for (const activity of due) {
      // The host too: an activity led by a member needs its host as much as its participants.
      const going = await listParticipantIds(db, { activityId: activity.id, responses: ["going"] });
      const userIds = [...new Set([activity.hostId, ...going])];
      sent += await notifyMembers(db, {
        type: "activity",
        userIds,
        payload: { activityId: activity.id, event, title: activity.title },
      });
    }
  }
  return sent;
}

export const activityRemindersJob = defineJob({
  name: "activity.remind",
  queue: { policy: "stately", retryLimit: 1, retryDelay: 60, expireInSeconds: 300 },
  // Every five minutes: the hour-before reminder comes 55 to 60 minutes ahead.
  schedule: { cron: "*/5 * * * *" },
  handle: async (_data, { db }) => {
    const sent = await sendActivityReminders(db);
    if (sent > 0) console.info(`[activities] ${sent} reminder(s) sent`);
  },
});
