import "server-only";
import type { DbOrTx } from "@/db";
import { markNotificationPushed } from "@/db/queries/notification-delivery";
import type { NotificationRow } from "@/db/queries/notifications";
import { sendPushToUser } from "@/lib/push/send";
import { describeNotification, notificationPath } from "./describe";
import { translatorsFor, type MailAccount } from "./email";

/**
 * Pushes one notification to the member's devices: its sentence as the title, the post's
 * opening words as the body, the exact post as the link. Marked pushed first, so a retried
 * delivery job (for its e-mail) never pushes twice. One tag per thread: a newer line about a
 * thread replaces the older one on the device instead of piling up.
 */
export async function pushNotification(db: DbOrTx, row: NotificationRow, recipient: MailAccount): Promise<void> {
  if (!(await markNotificationPushed(db, { id: row.notification.id }))) return;
  const { tn } = await translatorsFor(recipient);
  await sendPushToUser(db, recipient.id, {
    title: describeNotification(tn, row),
    body: row.post?.bodyText?.trim().slice(0, 200) ?? "",
    url: notificationPath(row),
    tag: row.notification.threadId ? `thread-${row.notification.threadId}` : `n-${row.notification.id}`,
  });
}
