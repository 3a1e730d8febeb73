import "server-only";
import { getDb } from "@/lib/db";
import type { ServiceContext } from "@/lib/context";
import { getTranslations } from "next-intl/server";
import { insertReviewFeedback, listReviewFeedback } from "@/db/queries/reviews";
import { documentFromText } from "@/lib/editor/render";
import { AppError } from "@/lib/errors";
import { getReadableThread } from "@/lib/forum/service";
import { isReviewThread } from "@/lib/forum/kinds";
import { publishReply } from "@/lib/forum/publish";
import { canReply } from "@/lib/permissions";
import { emitReviewUpdated } from "@/lib/realtime/emit";
import type { ReviewDocKind } from "@/db/schema/reviews";
import type { SubmitFeedbackInput } from "@/lib/validation/reviews";
import { RUBRICS, summarizeScores } from "./rubric";
import { getReviewForThread } from "./service";

/** The post text of a review: one line per criterion, then the free text (readable without the rubric UI). */
async function feedbackText(docKind: ReviewDocKind, input: SubmitFeedbackInput): Promise<string> {
  const t = await getTranslations("review");
  const lines = RUBRICS[docKind].map((criterion) => {
    const entry = input.scores[criterion]!;
    const label = t(`criteria.${criterion}` as "criteria.readability");
    return `${label} : ${entry.score}/4${entry.comment ? ` — ${entry.comment}` : ""}`;
  });
  return [...lines, ...(input.text ? ["", input.text] : [])].join("\n");
}

/**
 * Posts a structured review on a review request: every criterion of its rubric scored 1–4.
 * Readers of the thread who may reply can review, except its author (who asked for it).
 */
export async function submitFeedback({ db, actor }: ServiceContext, input: SubmitFeedbackInput) {
  if (!actor) throw new AppError("unauthenticated");
  const { thread, channel } = await getReadableThread({ db, actor }, input.threadId);
  // Pitch practice threads are scored with the pitch rubric through the same mechanism.
  if (!isReviewThread(thread)) throw new AppError("not_found");
  if (!canReply(actor, channel, thread)) throw new AppError("forbidden", "forum.threadLocked");
  if (thread.authorId === actor.id) throw new AppError("bad_request", "review.notOwnRequest");
  const review = await getReviewForThread(thread.id);
  const version = review?.versions.at(-1);
  if (!review || !version) throw new AppError("not_found");
  const criteria = RUBRICS[review.docKind];
  const keys = Object.keys(input.scores);
  if (keys.length !== criteria.length || !criteria.every((criterion) => input.scores[criterion])) {
    throw new AppError("bad_request", "review.scoreAll");
  }
  const published = await publishReply(
    { db, actor },
    {
      thread,
      channel,
      body: documentFromText(await feedbackText(review.docKind, input)),
      idempotencyKey: input.idempotencyKey,
      hooks: {
        write: (tx, { postId }) =>
          insertReviewFeedback(tx, {
            postId,
            threadId: thread.id,
            versionId: version.id,
            authorId: actor.id,
            scores: input.scores,
          }),
        afterCommit: () => emitReviewUpdated({ threadId: thread.id, actorId: actor.id }),
      },
    },
  );
  return { postNumber: published.post.number, isNew: published.isNew };
}

/** The rubric summary of a thread (per criterion) and its reviews, for a reader already checked. */
export async function getFeedbackSummary(threadId: number, docKind: ReviewDocKind) {
  const feedback = await listReviewFeedback(getDb(), { threadId });
  return {
    feedback,
    summary: summarizeScores(
      docKind,
      feedback.map((row) => row.scores),
    ),
  };
}
