import {
  LazyAuthorTools as AuthorTools,
  LazyReviewLiveRefresh,
  LazyRubricForm as RubricForm,
} from "@/components/reviews/lazy";
import { ReviewSummary } from "@/components/reviews/review-summary";
import { RubricSummary } from "@/components/reviews/rubric-summary";
import { Disclosure } from "@/components/ui/disclosure";
import { getFormatter, getTranslations } from "next-intl/server";
import { Alert } from "@/components/ui/alert";
import type { Channel, Thread } from "@/lib/forum/types";
import { canReply, isActiveMember, type Actor } from "@/lib/permissions";
import type { PageMarker } from "@/components/reviews/pdf-page";
import { getFeedbackSummary } from "@/lib/reviews/feedback";
import { getPageComments } from "@/lib/reviews/page-comments";
import { getReviewForThread } from "@/lib/reviews/service";
import { maxUploadMb } from "@/lib/uploads/limits";
import { threadPath } from "@/lib/slug";

type Props = { thread: Thread; channel: Channel; user: Actor };

/** The review part of a thread of kind `review` (four queries); the page has already checked the reader. */
export async function ReviewSection({ thread, channel, user }: Props) {
  const review = await getReviewForThread(thread.id);
  if (!review) return null;
  const [{ feedback, summary, rubric }, pageComments] = await Promise.all([
    getFeedbackSummary(thread.id, review.docKind),
    getPageComments(thread.id),
  ]);
  const t = await getTranslations("review");
  const tData = await getTranslations("dataOwnership");
  const format = await getFormatter();
  const isAuthor = isActiveMember(user) && user.id === thread.authorId;
  const canGiveFeedback = canReply(user, channel, thread) && !isAuthor;
  const versionNumbers = new Map(review.versions.map((version) => [version.id, version.number]));
  const commentsPerVersion = new Map<number, PageMarker[]>();
  for (const comment of pageComments) {
    // A marker shows the comment on one line (its post keeps the paragraphs).
    const text = comment.text.replace(/\s+/g, " ").trim();
    commentsPerVersion.set(comment.versionId, [
      ...(commentsPerVersion.get(comment.versionId) ?? []),
      { ...comment, text },
    ]);
  }
  const feedbackPerVersion = new Map<number, number>();
  for (const item of feedback)
    feedbackPerVersion.set(item.versionId, (feedbackPerVersion.get(item.versionId) ?? 0) + 1);
  return (
    <ReviewSummary
      review={review}
      feedbackPerVersion={feedbackPerVersion}
      commentsPerVersion={commentsPerVersion}
      threadHref={threadPath(channel.slug, thread)}
      canComment={canReply(user, channel, thread)}
    >
      {review.filesExpiredAt ? (
        <Alert tone="info">
          {tData("filesExpired", { date: format.dateTime(review.filesExpiredAt, { dateStyle: "long" }) })}
        </Alert>
      ) : null}
      <RubricSummary
        summary={summary}
        feedback={feedback}
        threadHref={threadPath(channel.slug, thread)}
        versionNumbers={versionNumbers}
      />
      <LazyReviewLiveRefresh threadId={thread.id} viewerId={user?.id ?? null} />
      {isAuthor ? (
        <AuthorTools
          threadId={thread.id}
          isLetter={review.docKind === "letter"}
          isResolved={review.resolvedAt !== null}
          maxMb={maxUploadMb()}
          versionNumbers={review.versions.map((version) => version.number)}
          fileVersionNumbers={review.versions.filter((version) => version.file).map((version) => version.number)}
        />
      ) : null}
      {/* Folded: the document and its discussion come first. */}
      {canGiveFeedback ? (
        <Disclosure summary={t("rubricTitle")} summaryId="rubric-title">
          <RubricForm threadId={thread.id} criteria={rubric} labelledBy="rubric-title" />
        </Disclosure>
      ) : null}
    </ReviewSummary>
  );
}
