import "server-only";
import type { DbOrTx } from "@/db";
import { getNotificationSettings } from "@/db/queries/notification-settings";
import {
  claimDigestDelivery,
  listDigestNotificationIds,
  listDigestSubscribers,
  listSentDigests,
  listUnansweredReviewRequests,
  markDigestSent,
  markNotificationsEmailed,
} from "@/db/queries/notification-delivery";
import { loadNotificationItems } from "@/db/queries/notifications";
import { getUserById } from "@/db/queries/users";
import { getDb } from "@/lib/db";
import { defineJob, type SendJob } from "@/lib/jobs/types";
import { deliverMail } from "@/lib/mail/transport";
import { canReadThread } from "@/lib/permissions";
import { buildDigest } from "./email";
import { digestWindowDays, dueDigestPeriod } from "./schedule";

const DAY_MS = 86_400_000;
/** Notifications older than this are no longer "news" for a digest. */
const DIGEST_LOOKBACK_DAYS = 30;
const MAX_NOTIFICATIONS = 60;
const MAX_REVIEW_REQUESTS = 10;

/** One `digest.send` job per member and period, whatever the number of planners or reruns. */
export const digestSingletonKey = (userId: string, period: string) => `digest:${userId}:${period}`;

/**
 * Job `digest.plan` (hourly): enqueues `digest.send` for every member whose digest is due now
 * in their time zone (weekly: Monday from 8:00; daily: from 8:00) and not done yet. Returns how
 * many it enqueued (jobs already waiting for the same member and period are not added again).
 */
export async function planDigests(db: DbOrTx, { send, now = new Date() }: { send: SendJob; now?: Date }) {
  const subscribers = await listDigestSubscribers(db);
  const due = subscribers.flatMap((subscriber) => {
    const period = dueDigestPeriod(now, subscriber.timeZone, subscriber.digest);
    return period ? [{ userId: subscriber.userId, period }] : [];
  });
  const done = await listSentDigests(db, due);
  let enqueued = 0;
  for (const { userId, period } of due) {
    if (done.has(`${userId}:${period}`)) continue;
    const id = await send(
      "digest.send",
      { userId, period },
      // Stately queue: one waiting and one running job per key. The 12-hour slot (pg-boss's
      // longest, its archive delay) also refuses the job again once it has run, so hourly
      // re-plans and a second instance add nothing; the delivery row guards past the slot.
      { singletonKey: digestSingletonKey(userId, period), singletonHours: 12 },
    );
    if (id) enqueued++;
  }
  return enqueued;
}

export type DigestOutcome = "sent" | "empty" | "already" | "not_allowed" | "turned_off";

/**
 * Job `digest.send`, and `sendDigestNow` for tests: one member's digest for one period. The
 * `digest_deliveries` row is written first; then the mail is sent; then its notifications are
 * marked e-mailed and the row sent, in that order. A run that fails (mail server down) throws
 * and is retried: it finds the row unsent and composes again. A second run after success finds
 * it sent and does nothing. A crash between sending and marking can only send again, never
 * lose the digest. Nothing to say: no mail, and the row is marked done with 0 items.
 */
export async function sendDigest(
  db: DbOrTx,
  { userId, period, now = new Date() }: { userId: string; period: string; now?: Date },
): Promise<DigestOutcome> {
  const recipient = await getUserById(db, { id: userId });
  if (!recipient || recipient.status !== "active") return "not_allowed";
  const settings = await getNotificationSettings(db, { userId });
  // Unsubscribed since the job was planned.
  if (settings.digest === "never") return "turned_off";
  if ((await claimDigestDelivery(db, { userId, period })).isDone) return "already";

  const since = new Date(now.getTime() - digestWindowDays(period) * DAY_MS);
  const ids = await listDigestNotificationIds(db, {
    userId,
    since: new Date(now.getTime() - DIGEST_LOOKBACK_DAYS * DAY_MS),
    limit: MAX_NOTIFICATIONS,
  });
  const actor = { id: recipient.id, role: recipient.role, status: recipient.status };
  const requests = await listUnansweredReviewRequests(db, { userId, since, limit: MAX_REVIEW_REQUESTS });
  const digest = await buildDigest(recipient, {
    frequency: period.includes("-W") ? "weekly" : "daily",
    rows: await loadNotificationItems(db, ids),
    reviewRequests: requests.filter((request) => canReadThread(actor, request.channel, request.thread)),
  });
  if (digest.mail) await deliverMail(digest.mail);
  await markNotificationsEmailed(db, { ids: digest.notificationIds });
  await markDigestSent(db, { userId, period, itemCount: digest.itemCount });
  return digest.mail ? "sent" : "empty";
}

/** A member's digest for a period, now, on the process database (tests, support). */
export function sendDigestNow(userId: string, period: string, db: DbOrTx = getDb()): Promise<DigestOutcome> {
  return sendDigest(db, { userId, period });
}

export const planDigestsJob = defineJob({
  name: "digest.plan",
  queue: { policy: "stately", retryLimit: 1, retryDelay: 60, expireInSeconds: 600 },
  // Hourly, at two past: each member's digest time is found in their own time zone.
  schedule: { cron: "2 * * * *" },
  handle: async (_data, { db, send }) => {
    const enqueued = await planDigests(db, { send });
    if (enqueued > 0) console.info(`[digest] ${enqueued} digest(s) to send`);
  },
});

export const sendDigestJob = defineJob({
  name: "digest.send",
  // One running and one waiting job per member and period at most (singleton key), retried with backoff.
  queue: { policy: "stately", retryLimit: 5, retryDelay: 60, retryBackoff: true, expireInSeconds: 600 },
  batchSize: 5,
  handle: async ({ userId, period }, { db }) => {
    await sendDigest(db, { userId, period });
  },
});
