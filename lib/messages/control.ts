import "server-only";
import {
  deleteBlock,
  getMessagingSettings,
  insertBlock,
  listBlockedUsers,
  saveMessagingSettings,
} from "@/db/queries/blocks";
import { getUserById } from "@/db/queries/users";
import type { ServiceContext } from "@/lib/context";
import { AppError } from "@/lib/errors";
import { canBlock, canUseMessages } from "@/lib/permissions/conversations";
import { emitMessagesChanged } from "@/lib/realtime/emit";

/**
 * Blocks (or unblocks) a member: they can no longer write to the blocker (new conversations or
 * the one-to-one already open), add them to a group, nor notify them by a mention. Nothing tells
 * the blocked member; they read "you cannot write to this person", as for a closed inbox.
 */
export async function setBlocked({ db, actor }: ServiceContext, input: { userId: string; blocked: boolean }) {
  if (!actor) throw new AppError("unauthenticated");
  if (!canBlock(actor, input.userId)) throw new AppError("forbidden");
  const target = await getUserById(db, { id: input.userId });
  if (!target) throw new AppError("not_found");
  if (input.blocked) await insertBlock(db, { blockerId: actor.id, blockedId: input.userId });
  else await deleteBlock(db, { blockerId: actor.id, blockedId: input.userId });
  // Both sides' open conversation pages re-check whether they may still write.
  emitMessagesChanged([actor.id, input.userId]);
}

export async function listMyBlocks({ db, actor }: ServiceContext) {
  if (!canUseMessages(actor)) throw new AppError("unauthenticated");
  return listBlockedUsers(db, { blockerId: actor.id });
}

export async function getMyMessagingSettings({ db, actor }: ServiceContext) {
  if (!canUseMessages(actor)) throw new AppError("unauthenticated");
  return getMessagingSettings(db, { userId: actor.id });
}

/**
 * Who may start a conversation with me and my availability note (offered to pros: members are
 * always reachable, except by those they block), and how many newcomers I take as a buddy.
 */
export async function updateMyMessagingSettings(
  { db, actor }: ServiceContext,
  input: { acceptsNewConversations: boolean; availabilityNote: string; buddyCapacity: number },
) {
  if (!canUseMessages(actor)) throw new AppError("unauthenticated");
  const isPro = actor.role === "pro";
  const current = await getMessagingSettings(db, { userId: actor.id });
  await saveMessagingSettings(db, {
    userId: actor.id,
    acceptsNewConversations: isPro ? input.acceptsNewConversations : current.acceptsNewConversations,
    availabilityNote: isPro ? input.availabilityNote : current.availabilityNote,
    buddyCapacity: input.buddyCapacity,
  });
}
