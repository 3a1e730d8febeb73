import "server-only";
import type { CreatedNotification } from "@/db/queries/notifications";
import { emitNotificationsChanged } from "@/lib/realtime/emit";
import { enqueueNotificationDeliveries } from "./deliver";

/**
 * What follows the creation of notifications, wherever they come from: every tab of each
 * recipient refreshes its bell, and those meant for an immediate e-mail or a push get a
 * delivery job (one INSERT into the queue for all of them).
 */
export async function afterNotificationsCreated(created: CreatedNotification[]): Promise<void> {
  if (created.length === 0) return;
  emitNotificationsChanged([...new Set(created.filter((row) => row.inBell).map((row) => row.userId))]);
  await enqueueNotificationDeliveries(created.filter((row) => row.email === "now" || row.push).map((row) => row.id));
}
