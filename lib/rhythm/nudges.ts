import "server-only";
import { claimDigestDelivery, markDigestSent } from "@/db/queries/notification-delivery";
import { listMembersToNudge, readCommunityNews } from "@/db/queries/nudges";
import type { DbOrTx } from "@/db";
import { addDays, checkinWeekOf } from "@/lib/domain/rhythm";
import { defineJob } from "@/lib/jobs/types";
import { sendMail } from "@/lib/mail";
import { absoluteUrl } from "@/lib/urls";
import { getCheckinSettings } from "./config";
import { frenchDateTime } from "./dates";

const DAY = 24 * 60 * 60 * 1000;
/** Quiet for this long (and two weeks without a check-in) before a friendly word. */
export const NUDGE_QUIET_DAYS = 10;
/** At most one nudge every four weeks per member: a reminder, never a stream. */
const NUDGE_EVERY_WEEKS = 4;
const NUDGES_PER_RUN = 200;

/**
 * Job `rhythm.nudge` (weekly): one friendly e-mail to each member who has gone quiet — what the
 * community did meanwhile, in the facilitators' words when they wrote some. It never lists what
 * the member did not do. Members who turned e-mails off (digest "never") get nothing. Each mail
 * is claimed in `digest_deliveries` (period `nudge:<week>`) before it is sent, so a rerun or a
 * second instance sends it once.
 */
export async function sendNudges(db: DbOrTx, now = new Date()): Promise<number> {
  const settings = await getCheckinSettings(db);
  const thisWeek = checkinWeekOf(now, settings.day);
  const seenSince = new Date(now.getTime() - NUDGE_QUIET_DAYS * DAY);
  const candidates = await listMembersToNudge(db, {
    checkinSince: addDays(thisWeek, -7),
    seenSince,
    nudgedSinceWeek: addDays(thisWeek, -(NUDGE_EVERY_WEEKS - 1) * 7),
    limit: NUDGES_PER_RUN,
  });
  if (!candidates.length) return 0;
  const news = await readCommunityNews(db, { since: seenSince, now });
  let sent = 0;
  for (const member of candidates) {
    const period = `nudge:${thisWeek}`;
    if ((await claimDigestDelivery(db, { userId: member.userId, period })).isDone) continue;
    const isSent = await sendMail(
      { name: member.name, email: member.email, locale: member.locale },
      {
        kind: "nudge",
        namespace: "nudgeEmail",
        compose: (t) => ({
          subject: t("subject"),
          text: [
            t("greeting", { name: member.name }),
            settings.nudgeMessage || t("defaultMessage"),
            t("news", { offers: news.newOffers, threads: news.newThreads }),
            news.nextActivity
              ? t("nextActivity", {
                  title: news.nextActivity.title,
                  date: frenchDateTime(new Date(news.nextActivity.startsAt)),
                })
              : "",
            t("cta", { url: absoluteUrl("/cafe") }),
            t("signature"),
            t("why", { url: absoluteUrl("/settings/notifications") }),
          ]
            .filter(Boolean)
            .join("\n\n"),
        }),
      },
    );
    // Unsent (mail server down): the claim stays open and the next run tries again.
    if (!isSent) continue;
    await markDigestSent(db, { userId: member.userId, period, itemCount: 1 });
    sent += 1;
  }
  return sent;
}

export const nudgeJob = defineJob({
  name: "rhythm.nudge",
  queue: { policy: "stately", retryLimit: 2, retryDelay: 300, expireInSeconds: 900 },
  // Tuesdays at 10:00 in Paris: after the check-in day, never at night.
  schedule: { cron: "0 10 * * 2", tz: "Europe/Paris" },
  handle: async (_data, { db }) => {
    const sent = await sendNudges(db);
    if (sent > 0) console.info(`[rhythm] ${sent} nudge(s) sent`);
  },
});
