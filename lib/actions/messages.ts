"use server";

import "server-only";

import { revalidatePath } from "next/cache";
import { formAction, jsonAction } from "@/lib/action";
import { setBlocked, updateMyMessagingSettings } from "@/lib/messages/control";
import { closeReportedMessage, reportMessage } from "@/lib/messages/reports";
import { endBuddies, pairBuddies } from "@/lib/messages/buddies";
import { getTranslations } from "next-intl/server";
import { contextFor } from "@/lib/context";
import {
  archiveConversation,
  editMessage,
  leaveConversationAsMember,
  markConversationSeen,
  readConversation,
  readMessageHistory,
  removeMessage,
  sendMessage,
  startConversation,
} from "@/lib/messages/service";
import { addPeopleToConversation } from "@/lib/messages/groups";
import { reactToMessage } from "@/lib/messages/reactions";
import {
  addParticipantsSchema,
  reactToMessageSchema,
  archiveConversationSchema,
  blockSchema,
  closeMessageReportSchema,
  endBuddiesSchema,
  pairBuddiesSchema,
  conversationIdSchema,
  editMessageSchema,
  markReadSchema,
  messageIdSchema,
  messagesBeforeSchema,
  messagingSettingsSchema,
  reportMessageSchema,
  sendMessageSchema,
  startConversationSchema,
} from "@/lib/validation/messages";

export const startConversationAction = jsonAction(startConversationSchema, async (input, { user }) => {
  const { conversationId } = await startConversation(contextFor(user), input);
  revalidatePath("/messages");
  return { conversationId, path: `/messages/${conversationId}` };
});

export const sendMessageAction = jsonAction(sendMessageSchema, async (input, { user }) => {
  const { message } = await sendMessage(contextFor(user), input);
  return { message };
});

export const editMessageAction = jsonAction(editMessageSchema, async (input, { user }) => ({
  message: await editMessage(contextFor(user), input),
}));

export const deleteMessageAction = jsonAction(messageIdSchema, async (input, { user }) => {
  await removeMessage(contextFor(user), input);
  return null;
});

export const messageHistoryAction = jsonAction(messageIdSchema, async (input, { user }) => ({
  revisions: await readMessageHistory(contextFor(user), input),
}));

export const markConversationSeenAction = jsonAction(markReadSchema, async (input, { user }) => {
  await markConversationSeen(contextFor(user), input);
  return null;
});

export const loadOlderMessagesAction = jsonAction(messagesBeforeSchema, async (input, { user }) => {
  const { messages, hasOlder } = await readConversation(contextFor(user), input);
  return { messages, hasOlder };
});

export const archiveConversationAction = jsonAction(archiveConversationSchema, async (input, { user }) => {
  await archiveConversation(contextFor(user), input);
  revalidatePath("/messages");
  return null;
});

export const leaveConversationAction = jsonAction(conversationIdSchema, async (input, { user }) => {
  await leaveConversationAsMember(contextFor(user), input);
  revalidatePath("/messages");
  return null;
});

export const setBlockedAction = jsonAction(blockSchema, async (input, { user }) => {
  await setBlocked(contextFor(user), input);
  revalidatePath(`/u/${input.userId}`);
  revalidatePath("/settings/messages");
  return { blocked: input.blocked };
});

export const updateMessagingSettingsAction = formAction(
  messagingSettingsSchema,
  async (input, { user }) => {
    await updateMyMessagingSettings(contextFor(user), input);
    revalidatePath("/settings/messages");
    return null;
  },
  { requireUser: true },
);

export const reportMessageAction = jsonAction(reportMessageSchema, async (input, { user }) => {
  const { isNew } = await reportMessage(contextFor(user), input);
  return { isNew };
});

export const closeMessageReportAction = jsonAction(closeMessageReportSchema, async (input, { user }) => {
  await closeReportedMessage(contextFor(user), input);
  revalidatePath("/moderation/reports");
  return null;
});

export const pairBuddiesAction = formAction(
  pairBuddiesSchema,
  async (input, { user }) => {
    // The welcome message is written in the pair's language (the newcomer's first, French by default).
    await pairBuddies(contextFor(user), {
      ...input,
      welcome: async (names, locale) =>
        (await getTranslations({ locale, namespace: "messages.buddies" }))("welcome", names),
    });
    revalidatePath("/moderation/binomes");
    return null;
  },
  { requireUser: true },
);

export const endBuddiesAction = jsonAction(endBuddiesSchema, async (input, { user }) => {
  await endBuddies(contextFor(user), input);
  revalidatePath("/moderation/binomes");
  return null;
});

export const reactToMessageAction = jsonAction(reactToMessageSchema, async (input, { user }) => ({
  reactions: await reactToMessage(contextFor(user), input),
}));

export const addPeopleAction = jsonAction(addParticipantsSchema, async (input, { user }) => {
  const { added } = await addPeopleToConversation(contextFor(user), input);
  revalidatePath(`/messages/${input.conversationId}`);
  return { added: added.length };
});
