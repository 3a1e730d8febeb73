import { z } from "zod";
import { jsonRoute } from "@/lib/api";
import { contextFor } from "@/lib/context";
import { countMyUnread } from "@/lib/notifications/service";

/** GET /api/notifications/unread → { unread }: what the bell refetches on `notifications:changed`. */
export const GET = jsonRoute(z.object({}), async (_input, { user }) => ({
  body: { unread: await countMyUnread(contextFor(user)) },
}));
