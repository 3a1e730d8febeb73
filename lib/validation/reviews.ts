import "server-only";
import { z } from "zod";
import { cleanString, stripBidiControls } from "./text";
import { threadTitleSchema } from "./forum";

const shortText = (min: number, max: number, tooShort: string, tooLong: string) =>
  cleanString().pipe(z.string().trim()).pipe(z.string().min(min, tooShort).max(max, tooLong));

/** The fields of a review request (the file itself is checked by content in lib/uploads). */
export const createReviewSchema = z.object({
  channelSlug: z.string().min(1).max(60),
  title: threadTitleSchema,
  target: shortText(2, 150, "review.targetRequired", "review.targetTooLong"),
  feedbackWanted: shortText(5, 1_000, "review.feedbackRequired", "review.feedbackTooLong"),
  /** Cover letters may be pasted instead of uploaded. */
  letterText: cleanString()
    .pipe(z.string().trim().max(10_000, "review.letterTooLong"))
    .optional()
    .transform((value) => (value ? value : undefined)),
  idempotencyKey: z.uuid(),
});

export type CreateReviewInput = z.infer<typeof createReviewSchema>;

export const fileIdSchema = z.object({ id: z.uuid() });

/** A cleaned file name for display and downloads: no path, no control or quote characters. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  const cleaned = stripBidiControls(base)
    .replace(/[\u0000-\u001f\u007f"'<>;]/g, "")
    .trim()
    .slice(0, 120);
  return cleaned || "document.pdf";
}

const criterionSchema = z.object({
  score: z
    .number({ message: "review.scoreRequired" })
    .int()
    .min(1, "review.scoreRequired")
    .max(4, "review.scoreRequired"),
  comment: cleanString()
    .pipe(z.string().trim().max(1_000, "review.commentTooLong"))
    .optional()
    .transform((value) => (value ? value : undefined)),
});

/** A structured review: every criterion of the document's rubric scored, plus free text. */
export const submitFeedbackSchema = z.object({
  threadId: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER),
  scores: z.record(z.string().regex(/^[a-z]{2,20}$/), criterionSchema),
  text: cleanString().pipe(z.string().trim().max(5_000, "review.commentTooLong")).default(""),
  idempotencyKey: z.uuid(),
});

export type SubmitFeedbackInput = z.infer<typeof submitFeedbackSchema>;

const threadId = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);

export const addVersionSchema = z.object({
  threadId,
  letterText: cleanString()
    .pipe(z.string().trim().max(10_000, "review.letterTooLong"))
    .optional()
    .transform((value) => (value ? value : undefined)),
});

export const resolveSchema = z.object({
  threadId,
  isResolved: z.boolean(),
  /** An optional thank-you to the reviewers, posted as a reply when the request is resolved. */
  thanks: cleanString().pipe(z.string().trim().max(2_000, "review.commentTooLong")).optional(),
});

export const versionRefSchema = z.object({ threadId, number: z.coerce.number().int().positive().max(1_000) });

const fraction = z.number().min(0).max(1);

/** A comment on a page of a version, optionally on a rectangle (fractions of the page). */
export const pageCommentSchema = z.object({
  threadId,
  version: z.number().int().positive().max(1_000),
  page: z.number().int().positive().max(500),
  rect: z
    .object({ x: fraction, y: fraction, w: fraction, h: fraction })
    .refine(
      (rect) => rect.x + rect.w <= 1.0001 && rect.y + rect.h <= 1.0001 && rect.w > 0 && rect.h > 0,
      "review.rectInvalid",
    )
    .nullable()
    .default(null),
  text: cleanString().pipe(z.string().trim().min(2, "review.pageCommentRequired").max(2_000, "review.commentTooLong")),
  idempotencyKey: z.uuid(),
});

export type PageCommentInput = z.infer<typeof pageCommentSchema>;
