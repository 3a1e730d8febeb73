import "server-only";
import { z } from "zod";
import { AVAILABILITY_NOTE_MAX, MAX_CONVERSATION_PARTICIPANTS } from "@/lib/domain/conversations";
import { reactionEmojis } from "@/lib/domain/forum";
import { richTextBodySchema } from "./forum";
import { stripControlChars } from "./text";

const id = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const idempotencyKey = z.uuid();

export const conversationIdSchema = z.object({ conversationId: id });
export const messageIdSchema = z.object({ messageId: id });

export const startConversationSchema = z.object({
  participantIds: z
    .array(z.uuid())
    .min(1, "messages.errors.noParticipant")
    .max(MAX_CONVERSATION_PARTICIPANTS - 1, "messages.errors.tooManyParticipants"),
  title: z
    .string()
    .max(80, "validation.titleTooLong")
    .transform((value) => stripControlChars(value).trim())
    .optional(),
  body: richTextBodySchema,
  idempotencyKey,
});
export type StartConversationInput = z.infer<typeof startConversationSchema>;

export const sendMessageSchema = z.object({ conversationId: id, body: richTextBodySchema, idempotencyKey });
export type SendMessageInput = z.infer<typeof sendMessageSchema>;

export const editMessageSchema = z.object({ messageId: id, body: richTextBodySchema });

export const markReadSchema = z.object({ conversationId: id, number: z.number().int().min(0) });

export const archiveConversationSchema = z.object({ conversationId: id, archived: z.boolean() });

export const messagesAfterSchema = z.object({
  conversationId: id,
  after: z.coerce.number().int().min(0).default(0),
});

export const messagesBeforeSchema = z.object({ conversationId: id, before: id.optional() });

export const blockSchema = z.object({ userId: z.uuid(), blocked: z.boolean() });

export const reportMessageSchema = z.object({
  messageId: id,
  reason: z
    .string()
    .transform((value) => stripControlChars(value).trim())
    .pipe(z.string().min(3, "messages.errors.reasonTooShort").max(500, "messages.errors.reasonTooLong")),
});

const checkbox = z
  .union([z.literal("on"), z.literal("true"), z.literal("false"), z.literal("")])
  .optional()
  .transform((value) => value === "on" || value === "true");

export const messagingSettingsSchema = z.object({
  acceptsNewConversations: checkbox,
  availabilityNote: z
    .string()
    .transform((value) => stripControlChars(value).trim())
    .pipe(z.string().max(AVAILABILITY_NOTE_MAX, "messages.errors.noteTooLong")),
  buddyCapacity: z.coerce.number().int().min(0, "messages.errors.capacity").max(5, "messages.errors.capacity"),
});

export const pairBuddiesSchema = z.object({
  newcomerId: z.uuid("messages.buddies.choose"),
  buddyId: z.uuid("messages.buddies.choose"),
});

export const endBuddiesSchema = z.object({ pairId: id });

export const closeMessageReportSchema = z.object({
  reportId: id,
  outcome: z.enum(["resolved", "dismissed"]),
});

/** The text fields of a message sent with a file (multipart: the file itself is checked by content). */
export const sendMessageFileSchema = z.object({
  conversationId: id,
  text: z
    .string()
    .max(2000, "messages.errors.textTooLong")
    .transform((value) => stripControlChars(value).trim())
    .optional()
    .default(""),
  idempotencyKey,
});
export type SendMessageFileInput = z.infer<typeof sendMessageFileSchema>;

export const messageFileIdSchema = z.object({ id: z.uuid() });

export const reactToMessageSchema = z.object({ messageId: id, emoji: z.enum(reactionEmojis) });

export const addParticipantsSchema = z.object({
  conversationId: id,
  participantIds: z
    .array(z.uuid())
    .min(1, "messages.errors.noParticipant")
    .max(MAX_CONVERSATION_PARTICIPANTS - 1, "messages.errors.tooManyParticipants"),
});
