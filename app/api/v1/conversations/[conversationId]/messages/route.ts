import { jsonRoute } from "@/lib/api";
import { contextFor } from "@/lib/context";
import { listNewMessages, sendMessage } from "@/lib/messages/service";
import { messagesAfterSchema, sendMessageSchema } from "@/lib/validation/messages";

/**
 * GET /api/v1/conversations/:id/messages?after=N — the messages after N, in order (live
 * catch-up), at most 200: while `hasMore`, ask again after the last number. Participants only:
 * anyone else gets the same 404 as for a conversation that does not exist.
 */
export const GET = jsonRoute(messagesAfterSchema, async (input, { user }) => ({
  body: await listNewMessages(contextFor(user), input),
}));

/** POST /api/v1/conversations/:id/messages — `{ body, idempotencyKey }` → 201 `{ message }` (200 when retried). */
export const POST = jsonRoute(sendMessageSchema, async (input, { user }) => {
  const { message, isNew } = await sendMessage(contextFor(user), input);
  return { status: isNew ? 201 : 200, body: { message } };
});
