import { jsonRoute } from "@/lib/api";
import { contextFor } from "@/lib/context";
import { startConversation } from "@/lib/messages/service";
import { startConversationSchema } from "@/lib/validation/messages";

/**
 * POST /api/v1/conversations — `{ participantIds, title?, body, idempotencyKey }` → 201
 * `{ conversationId, message }`: starts a conversation (or writes in the one-to-one already open
 * with that person), under the same checks and daily limit as the "Nouveau message" page.
 */
export const POST = jsonRoute(startConversationSchema, async (input, { user }) => {
  const started = await startConversation(contextFor(user), input);
  return { status: 201, body: started };
});
