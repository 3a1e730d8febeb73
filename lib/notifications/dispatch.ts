import "server-only";
import { insertNotifications, type CreatedNotification, type NewNotification } from "@/db/queries/notifications";
import type { DbOrTx } from "@/db";
import { emitNotificationsChanged } from "@/lib/realtime/emit";
import { onlineAmong } from "@/lib/realtime/online";
import { enqueueNotificationDeliveries } from "./deliver";

/**
 * Writes new notifications (one INSERT) and starts what follows, wherever they come from:
 * every tab of each recipient refreshes its bell, and those meant for an immediate e-mail or a
 * push get a delivery job (one INSERT into the queue for all of them).
 *
 * A recipient who has the site open sees the bell at once: no push, and the immediate e-mail
 * waits for the digest (sent then only if still unread). That is what the delivery job would
 * decide on finding them online; deciding it here, with one presence question for all the
 * recipients, spares a job per notification during a live conversation.
 */
export async function createNotifications(db: DbOrTx, rows: NewNotification[]): Promise<CreatedNotification[]> {
  const created = await insertNotifications(db, await deferForOnlineRecipients(rows));
  if (created.length === 0) return created;
  emitNotificationsChanged([...new Set(created.filter((row) => row.inBell).map((row) => row.userId))]);
  await enqueueNotificationDeliveries(created.filter((row) => row.email === "now" || row.push).map((row) => row.id));
  return created;
}

const isImmediate = (row: NewNotification) => row.email === "now" || row.push === true;

async function deferForOnlineRecipients(rows: NewNotification[]): Promise<NewNotification[]> {
  const immediate = rows.filter(isImmediate);
  if (immediate.length === 0) return rows;
  const online = await onlineAmong([...new Set(immediate.map((row) => row.userId))]);
  if (online.size === 0) return rows;
  return rows.map((row) =>
    isImmediate(row) && online.has(row.userId)
      ? { ...row, email: row.email === "now" ? "digest" : row.email, push: false }
      : row,
  );
}
