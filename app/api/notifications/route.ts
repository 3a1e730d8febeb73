import { getTranslations } from "next-intl/server";
import { jsonRoute } from "@/lib/api";
import { contextFor } from "@/lib/context";
import { notificationTranslate } from "@/lib/notifications/describe";
import { countMyUnread, listMyNotifications } from "@/lib/notifications/service";
import { notificationListSchema } from "@/lib/validation/notifications";

/** The bell: GET /api/notifications?cursor= → { items, nextCursor, unread } (the member's own only). */
export const GET = jsonRoute(notificationListSchema, async (input, { user }) => {
  const ctx = contextFor(user);
  const t = notificationTranslate(await getTranslations("notifications"));
  const [page, unread] = await Promise.all([
    listMyNotifications(ctx, { t, cursor: input.cursor, limit: input.limit }),
    countMyUnread(ctx),
  ]);
  return { body: { ...page, unread } };
});
