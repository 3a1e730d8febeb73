import "server-only";
import { listParticipants } from "@/db/queries/conversations";
import type { ServiceContext } from "@/lib/context";
import { TYPING_SIGNAL_INTERVAL_MS } from "@/lib/domain/conversations";
import { canSendMessage } from "@/lib/permissions/conversations";
import { emitConversationTyping } from "@/lib/realtime/emit";
import { participationOf } from "./service";

/**
 * When each participant last signalled typing, per conversation (`<conversation>:<user>`), in this
 * process: signals closer than TYPING_SIGNAL_INTERVAL_MS are dropped without a query, whatever the
 * browser sends. Kept on globalThis: route handlers and the server are separate module graphs.
 */
const store = globalThis as typeof globalThis & { __propulseTyping?: Map<string, number> };
const lastSignals = (store.__propulseTyping ??= new Map<string, number>());
const MAX_TRACKED = 10_000;

const keyOf = (conversationId: number, userId: string) => `${conversationId}:${userId}`;

/**
 * A participant is typing: the other current participants see "<name> écrit…" for a few seconds
 * (their page fades it out, or when the message arrives). Outsiders get the usual `not_found`.
 */
export async function signalTyping(ctx: ServiceContext, input: { conversationId: number }, now = Date.now()) {
  if (!ctx.actor) return participationOf(ctx, input.conversationId).then(() => undefined);
  const key = keyOf(input.conversationId, ctx.actor.id);
  // Only a participant's accepted signal is remembered, so a dropped one says nothing to an outsider.
  if (now - (lastSignals.get(key) ?? 0) < TYPING_SIGNAL_INTERVAL_MS) return;
  const { member } = await participationOf(ctx, input.conversationId);
  if (!canSendMessage(member, { isParticipant: true })) return;
  if (lastSignals.size >= MAX_TRACKED) lastSignals.clear();
  lastSignals.set(key, now);
  const participants = await listParticipants(ctx.db, { conversationId: input.conversationId });
  const me = participants.find((participant) => participant.id === member.id);
  if (!me) return;
  emitConversationTyping({
    conversationId: input.conversationId,
    user: { id: me.id, name: me.name },
    participantIds: participants.map((participant) => participant.id),
  });
}

/** The message is sent: the next keystroke signals again at once (pages drop "écrit…" on the message). */
export function endTyping(input: { conversationId: number; userId: string }) {
  lastSignals.delete(keyOf(input.conversationId, input.userId));
}
