import "server-only";
import type { DbOrTx } from "@/db";
import { getNotificationSettings } from "@/db/queries/notification-settings";
import { markNotificationsEmailed, setNotificationEmailMode } from "@/db/queries/notification-delivery";
import { loadNotificationItems, type NotificationRow } from "@/db/queries/notifications";
import { getUserById } from "@/db/queries/users";
import type { User } from "@/db/schema";
import { enqueueJobs } from "@/lib/jobs/enqueue";
import { defineJob, type SendJob } from "@/lib/jobs/types";
import { deliverMail } from "@/lib/mail/transport";
import { isUserOnline } from "@/lib/realtime/online";
import { isDeliverable } from "./describe";
import { composeNotificationMail } from "./email";
import { pushNotification } from "./push";
import { isInQuietHours, quietHoursEnd } from "./schedule";

/** One delivery job per notification: the queue never holds two waiting, nor runs two at once. */
const singletonKey = (notificationId: number) => `notification:${notificationId}`;

/**
 * Enqueues the delivery of new notifications (call after their transaction committed, with the
 * ids of those created with `email: "now"` or `push: true`; others have nothing to deliver). One
 * INSERT for all. Never throws: a failure is logged and cannot break the action that notified.
 */
export async function enqueueNotificationDeliveries(ids: number[]): Promise<void> {
  try {
    await enqueueJobs(
      "notification.deliver",
      ids.map((notificationId) => ({ data: { notificationId }, singletonKey: singletonKey(notificationId) })),
    );
  } catch (error) {
    console.error("[notifications] could not enqueue deliveries:", error);
  }
}

/** What a delivery did (tests and logs). */
export type DeliveryOutcome =
  /** The e-mail went out. */
  | "sent"
  /** Deleted since, or its recipient is. */
  | "gone"
  /** The recipient may not read it any more (moved, deleted, hidden, suspended): nothing is sent. */
  | "not_allowed"
  /** Read on the site already, or e-mailed already. */
  | "read"
  | "already"
  /** Not an immediate e-mail (digest or none), or the member turned it off since. */
  | "not_now"
  /** The member was on the site: it stays in the bell, and in the digest if still unread then. */
  | "online"
  /** Quiet hours: a job will try again when they end. */
  | "postponed";

type Target = { row: NotificationRow; recipient: User };

/** The notification and its recipient, if it is still theirs to receive. */
async function loadTarget(db: DbOrTx, notificationId: number): Promise<Target | DeliveryOutcome> {
  const [row] = await loadNotificationItems(db, [notificationId]);
  if (!row) return "gone";
  const recipient = await getUserById(db, { id: row.notification.userId });
  if (!recipient) return "gone";
  if (row.notification.readAt) return "read";
  // Permission re-checked now, with the recipient as the actor: nothing of a thread moved to a
  // channel they cannot read, deleted or hidden since the notification was made reaches them.
  const actor = { id: recipient.id, role: recipient.role, status: recipient.status };
  if (recipient.status === "suspended" || !isDeliverable(actor, row)) return "not_allowed";
  return { row, recipient };
}

/**
 * Delivers one notification: job `notification.deliver`. Throws when sending fails, so the
 * queue retries (with backoff); `emailedAt` is set only after the mail server accepted it.
 */
export async function deliverNotification(
  db: DbOrTx,
  notificationId: number,
  options: { send: SendJob; now?: Date },
): Promise<DeliveryOutcome> {
  const target = await loadTarget(db, notificationId);
  if (typeof target === "string") return target;

  const postponed = await deliverByPush(db, target, options);
  if (postponed) return postponed;
  return deliverByEmail(db, target, options);
}

/** Tries the whole delivery again when the member's quiet hours end. */
async function postponeToEndOfQuietHours(
  send: SendJob,
  notificationId: number,
  settings: Awaited<ReturnType<typeof getNotificationSettings>>,
  now: Date,
): Promise<"postponed"> {
  await send(
    "notification.deliver",
    { notificationId },
    {
      startAfter: quietHoursEnd(now, settings.timeZone, settings.quietHours),
      singletonKey: singletonKey(notificationId),
    },
  );
  return "postponed";
}

/**
 * Pushes the notification to the member's devices when they asked for it: not while they are on
 * the site (the bell shows it), and not in quiet hours (the whole job waits for their end).
 */
async function deliverByPush(
  db: DbOrTx,
  { row, recipient }: Target,
  { send, now = new Date() }: { send: SendJob; now?: Date },
): Promise<"postponed" | null> {
  const { notification } = row;
  if (!notification.push || notification.pushedAt) return null;
  const settings = await getNotificationSettings(db, { userId: recipient.id });
  if (!settings.delivery[notification.kind].push) return null;
  if (isInQuietHours(now, settings.timeZone, settings.quietHours)) {
    return postponeToEndOfQuietHours(send, notification.id, settings, now);
  }
  if (!(await isUserOnline(recipient.id))) await pushNotification(db, row, recipient);
  return null;
}

async function deliverByEmail(
  db: DbOrTx,
  { row, recipient }: Target,
  { send, now = new Date() }: { send: SendJob; now?: Date },
): Promise<DeliveryOutcome> {
  const { notification } = row;
  if (notification.emailedAt) return "already";
  if (notification.email !== "now") return "not_now";
  const settings = await getNotificationSettings(db, { userId: recipient.id });
  // Decided when the notification was made; an unsubscribe or a new choice since then wins.
  const chosen = settings.delivery[notification.kind].email;
  if (chosen !== "now") {
    await setNotificationEmailMode(db, { id: notification.id, email: chosen });
    return "not_now";
  }
  if (await isUserOnline(recipient.id)) {
    await setNotificationEmailMode(db, { id: notification.id, email: "digest" });
    return "online";
  }
  if (isInQuietHours(now, settings.timeZone, settings.quietHours)) {
    return postponeToEndOfQuietHours(send, notification.id, settings, now);
  }
  await deliverMail(await composeNotificationMail(recipient, row));
  await markNotificationsEmailed(db, { ids: [notification.id] });
  return "sent";
}

export const deliverNotificationJob = defineJob({
  name: "notification.deliver",
  // Retries after 30 s, 1, 2, 4 and 8 min: a mail server down for a quarter of an hour loses nothing.
  queue: { policy: "stately", retryLimit: 5, retryDelay: 30, retryBackoff: true, expireInSeconds: 300 },
  batchSize: 5,
  handle: async ({ notificationId }, { db, send }) => {
    await deliverNotification(db, notificationId, { send });
  },
});
