import "server-only";
import { z } from "zod";
import { cleanString } from "./text";
import { threadTitleSchema } from "./forum";

/** The fields of a pitch (the recording itself is checked by content in lib/uploads/audio-check). */
export const createPitchSchema = z.object({
  channelSlug: z.string().min(1).max(60),
  title: threadTitleSchema,
  target: cleanString()
    .pipe(z.string().trim())
    .pipe(z.string().min(2, "review.targetRequired").max(150, "review.targetTooLong")),
  /** The pitch written out (optional when there is a recording). */
  text: cleanString()
    .pipe(z.string().trim().max(5_000, "review.pitch.textTooLong"))
    .optional()
    .transform((value) => (value ? value : undefined)),
  idempotencyKey: z.uuid(),
});

export type CreatePitchInput = z.infer<typeof createPitchSchema>;

/** The fields of a recorded answer to a pitch (the recording is checked by content). */
export const pitchReplySchema = z.object({
  threadId: z.coerce.number().int().positive(),
  /** A few words with the recording (optional). */
  text: cleanString()
    .pipe(z.string().trim().max(5_000, "review.pitch.textTooLong"))
    .optional()
    .transform((value) => (value ? value : undefined)),
  idempotencyKey: z.uuid(),
});

export type PitchReplyInput = z.infer<typeof pitchReplySchema>;
