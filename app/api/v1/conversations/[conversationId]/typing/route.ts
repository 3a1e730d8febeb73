import { jsonRoute } from "@/lib/api";
import { contextFor } from "@/lib/context";
import { signalTyping } from "@/lib/messages/typing";
import { conversationIdSchema } from "@/lib/validation/messages";

/**
 * POST `{}` while typing: the other participants see "… écrit" for a few seconds. The socket
 * only pushes; the signal is an ordinary request (throttled per participant on the server).
 */
export const POST = jsonRoute(conversationIdSchema, async (input, { user }) => {
  await signalTyping(contextFor(user), input);
  return { status: 202, body: null };
});
