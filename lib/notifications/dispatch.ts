import "server-only";
import type { CreatedNotification } from "@/db/queries/notifications";
import { emitNotificationsChanged } from "@/lib/realtime/emit";

/**
 * What follows the creation of notifications, wherever they come from: every tab of each
 * recipient refreshes its bell.
 */
export async function afterNotificationsCreated(created: CreatedNotification[]): Promise<void> {
  if (created.length === 0) return;
  emitNotificationsChanged([...new Set(created.filter((row) => row.inBell).map((row) => row.userId))]);
}
