import "server-only";
import type { Notification } from "@/db/schema";
import { emitNotificationsChanged } from "@/lib/realtime/emit";

/**
 * What follows the creation of notifications, wherever they come from: every tab of each
 * recipient refreshes its bell.
 */
export async function afterNotificationsCreated(created: Notification[]): Promise<void> {
  if (created.length === 0) return;
  emitNotificationsChanged([...new Set(created.filter((row) => row.inBell).map((row) => row.userId))]);
}
