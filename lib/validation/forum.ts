import "server-only";
import { z } from "zod";
import { visibleLine } from "./text";
import { reactionEmojis } from "@/lib/forum/reactions";
import { documentText, mentionedUserIds } from "@/lib/editor/render";
import { validateDocument } from "@/lib/editor/validate";

export const threadTitleSchema = visibleLine("validation.titleInvisible").pipe(
  z.string().min(5, "validation.titleTooShort").max(150, "validation.titleTooLong"),
);

/** A rich-text body: allow-listed, within limits, and not empty. */
export const richTextBodySchema = z.unknown().transform((value, ctx) => {
  const result = validateDocument(value);
  if (!result.ok) {
    ctx.addIssue({ code: "custom", message: result.error });
    return z.NEVER;
  }
  if (!documentText(result.doc).trim() && mentionedUserIds(result.doc).length === 0) {
    ctx.addIssue({ code: "custom", message: "editor.empty" });
    return z.NEVER;
  }
  return result.doc;
});

const idempotencyKey = z.uuid();
const id = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);

export const createThreadSchema = z.object({
  channelSlug: z.string().min(1).max(60),
  title: threadTitleSchema,
  body: richTextBodySchema,
  idempotencyKey,
  /** A question (where the channel allows questions): gets an accepted answer and the "À répondre" list. */
  isQuestion: z.boolean().optional(),
});

export const createReplySchema = z.object({
  threadId: id,
  replyToId: id.nullable().optional(),
  body: richTextBodySchema,
  idempotencyKey,
});

export const updatePostSchema = z.object({
  postId: id,
  body: richTextBodySchema,
  expectedVersion: z.number().int().positive(),
});

export const postIdSchema = z.object({ postId: id });

export const toggleReactionSchema = z.object({ postId: id, emoji: z.enum(reactionEmojis) });

export const draftTargetSchema = z.string().regex(/^(thread|reply):\d{1,15}$/);

export const saveDraftSchema = z.object({
  target: draftTargetSchema,
  title: z.string().max(300).optional(),
  // Drafts are only stored and given back to their author: size-limited, validated on submit.
  body: z.unknown().refine((value) => JSON.stringify(value ?? null).length <= 100_000, "editor.tooLong"),
  replyToId: id.nullable().optional(),
});

export const loadMoreSchema = z.object({ threadId: id, after: z.number().int().min(1) });

export const markReadSchema = z.object({ threadId: id, number: z.number().int().min(1).max(10_000_000) });
