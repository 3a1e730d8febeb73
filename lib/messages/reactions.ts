import "server-only";
import { listParticipantIds } from "@/db/queries/conversations";
import { toggleMessageReaction } from "@/db/queries/message-extras";
import { getMessage } from "@/db/queries/messages";
import type { ServiceContext } from "@/lib/context";
import type { ReactionEmoji } from "@/lib/domain/forum";
import { AppError } from "@/lib/errors";
import { canUseMessageContent } from "@/lib/permissions/conversations";
import { emitMessageReactions } from "@/lib/realtime/emit";
import { participationOf } from "./service";

/**
 * A participant adds (or takes back) a reaction on a message of their conversation; the other
 * participants see it live. The posts' emoji set; someone else's guessed message is `not_found`.
 */
export async function reactToMessage(ctx: ServiceContext, input: { messageId: number; emoji: ReactionEmoji }) {
  if (!ctx.actor) throw new AppError("unauthenticated");
  const message = await getMessage(ctx.db, { messageId: input.messageId });
  if (!message) throw new AppError("not_found");
  const { member } = await participationOf(ctx, message.conversationId);
  if (!canUseMessageContent(member, { isParticipant: true }, message)) throw new AppError("not_found");
  const reactions = await toggleMessageReaction(ctx.db, { ...input, userId: member.id });
  const participantIds = await listParticipantIds(ctx.db, { conversationId: message.conversationId });
  emitMessageReactions({ conversationId: message.conversationId, messageId: message.id, reactions, participantIds });
  return reactions;
}
