import { z } from "zod";
import { jsonRoute } from "@/lib/api";
import { contextFor } from "@/lib/context";
import { countMyUnreadConversations } from "@/lib/messages/service";

/** GET /api/messages/unread → { unread }: conversations with unseen messages (the header's count). */
export const GET = jsonRoute(z.object({}), async (_input, { user }) => ({
  body: { unread: await countMyUnreadConversations(contextFor(user)) },
}));
