import "server-only";
import { getDb } from "@/lib/db";
import type { ServiceContext } from "@/lib/context";
import { getLocale } from "next-intl/server";
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
import { defaultLocale, isLocale, type Locale } from "@/lib/i18n/config";
import { readSections, rubricIn, type RubricCriterion } from "@/lib/programme/sections";
import type { DbOrTx } from "@/db";
import { summarizeScores } from "./rubric";
import { getReviewForThread } from "./service";

/**
 * The rubric in effect for a kind of document (the programme's, else the built-in one), in the
 * reader's language.
 */
export async function loadRubric(db: DbOrTx, docKind: ReviewDocKind, locale: Locale): Promise<RubricCriterion[]> {
  return rubricIn(await readSections(db), docKind, locale);
}

/** The reader's language; French outside a request (jobs, tests). */
async function readerLocale(): Promise<Locale> {
  try {
    const locale = await getLocale();
    return isLocale(locale) ? locale : defaultLocale;
  } catch {
    return defaultLocale;
  }
}

/** The post text of a review: one line per criterion, then the free text (readable without the rubric UI). */
function feedbackText(rubric: RubricCriterion[], input: SubmitFeedbackInput): string {
  const lines = rubric.map(({ id, label }) => {
    const entry = input.scores[id]!;
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
  const rubric = await loadRubric(db, review.docKind, await readerLocale());
  const keys = Object.keys(input.scores);
  if (keys.length !== rubric.length || !rubric.every((criterion) => input.scores[criterion.id])) {
    throw new AppError("bad_request", "review.scoreAll");
  }
  const published = await publishReply(
    { db, actor },
    {
      thread,
      channel,
      body: documentFromText(feedbackText(rubric, input)),
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
  const [feedback, rubric] = await Promise.all([
    listReviewFeedback(getDb(), { threadId }),
    readerLocale().then((locale) => loadRubric(getDb(), docKind, locale)),
  ]);
  return {
    feedback,
    /** The rubric in effect, for the review form. */
    rubric,
    summary: summarizeScores(
      rubric,
      feedback.map((row) => row.scores),
    ),
  };
}
