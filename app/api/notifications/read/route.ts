import { jsonRoute } from "@/lib/api";
import { contextFor } from "@/lib/context";
import { countMyUnread, markMyNotificationsRead } from "@/lib/notifications/service";
import { markReadSchema } from "@/lib/validation/notifications";

/** POST /api/notifications/read { ids } or { all: true } → { unread }; only the member's own rows change. */
export const POST = jsonRoute(markReadSchema, async (input, { user }) => {
  const ctx = contextFor(user);
  await markMyNotificationsRead(ctx, "all" in input ? { all: true } : { ids: input.ids });
  return { body: { unread: await countMyUnread(ctx) } };
});
