import "server-only";
import { getMessageTargets } from "@/db/queries/blocks";
import { addParticipants, countParticipantsLocked } from "@/db/queries/conversations";
import type { ServiceContext } from "@/lib/context";
import { AppError } from "@/lib/errors";
import { canAddParticipants, canStartConversationWith } from "@/lib/permissions/conversations";
import { emitMessagesChanged, emitParticipantsChanged } from "@/lib/realtime/emit";
import { participationOf } from "./service";

/**
 * A participant of a group adds people later (up to 8 in all). Each person added must accept
 * the actor as a new conversation would (active, open to conversations, no block either way):
 * a member someone blocked cannot bring them into a group. The count is checked under the
 * conversation's row lock, so two additions at once cannot pass the limit together.
 */
export async function addPeopleToConversation(
  ctx: ServiceContext,
  input: { conversationId: number; participantIds: string[] },
) {
  const { member, participation } = await participationOf(ctx, input.conversationId);
  const ids = [...new Set(input.participantIds)].filter((id) => id !== member.id);
  const targets = await getMessageTargets(ctx.db, { actorId: member.id, userIds: ids });
  const refused = ids.some((id) => {
    const target = targets.find((candidate) => candidate.id === id);
    return !target || !canStartConversationWith(member, target);
  });
  // As for a new conversation: no detail on why someone cannot be reached.
  if (refused) throw new AppError("forbidden", "messages.errors.cannotWrite");
  const added = await ctx.db.transaction(async (tx) => {
    const current = await countParticipantsLocked(tx, { conversationId: input.conversationId });
    const fresh = ids.filter((id) => !current.ids.includes(id));
    const allowed = canAddParticipants(
      member,
      { isParticipant: true },
      { isGroup: participation.conversation.isGroup, participantCount: current.ids.length, adding: fresh.length },
    );
    if (!allowed) {
      throw participation.conversation.isGroup && fresh.length > 0
        ? new AppError("bad_request", "messages.errors.tooManyParticipants")
        : new AppError("forbidden");
    }
    await addParticipants(tx, { conversationId: input.conversationId, userIds: fresh });
    return { fresh, everyone: [...current.ids, ...fresh] };
  });
  // Every participant's page and list refresh (names, counts); the newcomers see the conversation.
  emitMessagesChanged(added.everyone);
  emitParticipantsChanged({ conversationId: input.conversationId, userIds: added.everyone });
  return { added: added.fresh };
}
