import { getTranslations } from "next-intl/server";
import {
  LazyRecordedReplyForm,
  LazyReviewLiveRefresh,
  LazyRubricForm,
  LazyWithdrawRecording,
} from "@/components/reviews/lazy";
import { RubricSummary } from "@/components/reviews/rubric-summary";
import { Disclosure } from "@/components/ui/disclosure";
import type { Channel, Thread } from "@/lib/forum/types";
import { canReply, isActiveMember, type Actor } from "@/lib/permissions";
import { getFeedbackSummary } from "@/lib/reviews/feedback";
import { getReviewForThread } from "@/lib/reviews/service";
import { MAX_PITCH_SECONDS } from "@/lib/pitches/service";
import { threadPath } from "@/lib/slug";

type Props = { thread: Thread; channel: Channel; user: Actor };

/**
 * The pitch at the top of a thread of kind `pitch` (three queries): its recording, played from
 * the permission-checked file route, its written version, and the pitch rubric's feedback.
 */
export async function PitchSection({ thread, channel, user }: Props) {
  const pitch = await getReviewForThread(thread.id);
  if (!pitch) return null;
  const { feedback, summary, rubric } = await getFeedbackSummary(thread.id, "pitch");
  const t = await getTranslations("review");
  const current = pitch.versions.at(-1) ?? null;
  const isAuthor = isActiveMember(user) && user.id === thread.authorId;
  const mayReply = canReply(user, channel, thread);
  const canGiveFeedback = mayReply && !isAuthor;
  const versionNumbers = new Map(pitch.versions.map((version) => [version.id, version.number]));
  return (
    <section
      aria-labelledby="pitch-section-title"
      className="flex flex-col gap-3 rounded-2xl border border-line bg-white p-4"
    >
      <h2 id="pitch-section-title" className="text-lg font-bold">
        {t("pitch.sectionTitle")}
      </h2>
      <dl className="grid gap-2 text-sm sm:grid-cols-[auto_1fr] sm:gap-x-4">
        <dt className="font-semibold">{t("target")}</dt>
        <dd className="break-words">{pitch.target}</dd>
      </dl>
      {current?.file ? (
        // The file route checks that the listener may read this thread (404 otherwise).
        <audio
          controls
          preload="metadata"
          src={`/api/v1/files/${current.file.id}`}
          aria-label={t("pitch.listen")}
          className="w-full"
        />
      ) : null}
      {current?.file && isAuthor ? <LazyWithdrawRecording threadId={thread.id} /> : null}
      {current?.letterText && current.file ? (
        <details className="rounded-xl border border-line px-4 py-3 text-sm">
          <summary className="cursor-pointer font-semibold">{t("pitch.written")}</summary>
          <p className="mt-2 whitespace-pre-line break-words">{current.letterText}</p>
        </details>
      ) : null}
      <RubricSummary
        summary={summary}
        feedback={feedback}
        threadHref={threadPath(channel.slug, thread)}
        versionNumbers={versionNumbers}
      />
      <LazyReviewLiveRefresh threadId={thread.id} viewerId={user?.id ?? null} />
      {/* The forms stay folded: the pitch and its discussion come first. */}
      {canGiveFeedback ? (
        <Disclosure summary={t("pitch.rubricTitle")} summaryId="rubric-title">
          <LazyRubricForm threadId={thread.id} criteria={rubric} labelledBy="rubric-title" />
        </Disclosure>
      ) : null}
      {/* Anyone who may reply can answer with a recording: a peer's take, or the author's new one. */}
      {mayReply ? (
        <Disclosure summary={t("pitch.replyTitle")} summaryId="recorded-reply-title">
          <LazyRecordedReplyForm
            threadId={thread.id}
            maxSeconds={MAX_PITCH_SECONDS}
            labelledBy="recorded-reply-title"
          />
        </Disclosure>
      ) : null}
    </section>
  );
}
