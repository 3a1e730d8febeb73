import { and, desc, eq, isNull } from "drizzle-orm";
import type { NotificationType } from "@/lib/domain/notifications";
import type { DbOrTx } from "../client";
import { notifications, type Notification } from "../schema";

export type NewNotification = {
  userId: string;
  kind: NotificationType;
  actorId?: string | null;
  threadId?: number | null;
  postId?: number | null;
  payload?: Record<string, unknown>;
};

export async function createNotification(db: DbOrTx, params: NewNotification): Promise<Notification> {
  const [row] = await db
    .insert(notifications)
    .values({
      userId: params.userId,
      kind: params.kind,
      actorId: params.actorId ?? null,
      threadId: params.threadId ?? null,
      postId: params.postId ?? null,
      payload: params.payload ?? {},
    })
    .returning();
  return row!;
}

/** A member's latest notifications (the future bell reads these). */
export async function listNotifications(
  db: DbOrTx,
  { userId, unreadOnly = false, limit = 30 }: { userId: string; unreadOnly?: boolean; limit?: number },
) {
  return db
    .select()
    .from(notifications)
    .where(and(eq(notifications.userId, userId), unreadOnly ? isNull(notifications.readAt) : undefined))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(limit);
}
