import "server-only";
import { canUseMessages } from "@/lib/permissions/conversations";
import type { ServiceContext } from "@/lib/context";
import { listChannels } from "@/db/queries/channels";
import { getPostById } from "@/db/queries/posts";
import {
  clearAcceptedAnswer,
  getAcceptedAnswer,
  listUnansweredQuestions,
  setAcceptedAnswer,
} from "@/db/queries/questions";
import type { Channel, Thread } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { canMoveBetweenKinds } from "@/lib/forum/kinds";
import { getReadableThread } from "@/lib/forum/service";
import { toPostView } from "@/lib/forum/views";
import { notifyMembers } from "@/lib/notifications/fanout";
import { emitAnswerChanged } from "@/lib/realtime/emit";
import {
  canAcceptAnswer,
  canBrowsePros,
  canModerate,
  canReadChannel,
  canReadReplies,
  canReportPost,
  isChannelArchived,
} from "@/lib/permissions";

/** Questions and answers: accepted answers and the "À répondre" list. */

/** The asker (or a facilitator) marks a reply of the question as its accepted answer. */
export async function acceptAnswer({ db, actor }: ServiceContext, input: { postId: number }) {
  if (!actor) throw new AppError("unauthenticated");
  const post = await getPostById(db, { postId: input.postId });
  if (!post) throw new AppError("not_found");
  const { thread } = await getReadableThread({ db, actor }, post.threadId);
  if (!canAcceptAnswer(actor, thread)) throw new AppError("not_found");
  if (post.number === 1 || post.deletedAt || post.hiddenAt)
    throw new AppError("bad_request", "qa.cannotAcceptThisPost");
  await setAcceptedAnswer(db, { threadId: thread.id, postId: post.id, actorId: actor.id });
  // After the write: every open page of the question shows the new answer, as replies arrive.
  emitAnswerChanged({ threadId: thread.id, postId: post.id });
  await notifyMembers(db, {
    type: "answer",
    userIds: [post.authorId],
    actorId: actor.id,
    threadId: thread.id,
    postId: post.id,
    payload: { accepted: true },
  });
  return { threadId: thread.id, postId: post.id };
}

export async function unacceptAnswer({ db, actor }: ServiceContext, input: { threadId: number }) {
  if (!actor) throw new AppError("unauthenticated");
  const { thread } = await getReadableThread({ db, actor }, input.threadId);
  if (!canAcceptAnswer(actor, thread)) throw new AppError("not_found");
  await clearAcceptedAnswer(db, { threadId: thread.id });
  emitAnswerChanged({ threadId: thread.id, postId: null });
  return { threadId: thread.id };
}

/**
 * The accepted answer of a question as this reader may see it (null when there is none): what an
 * open page asks for when the answer changes or its live connection (re)joins.
 */
export async function getAcceptedAnswerView({ db, actor }: ServiceContext, input: { threadId: number }) {
  const { thread, channel } = await getReadableThread({ db, actor }, input.threadId);
  if (thread.kind !== "question" || !canReadReplies(actor, channel)) return { post: null };
  const accepted = await getAcceptedAnswer(db, { threadId: thread.id });
  return { post: accepted ? toPostView(accepted, actor) : null };
}

/** Questions still waiting for an accepted answer, oldest first, in channels the member reads. */
export async function listQuestionsToAnswer(
  { db, actor }: ServiceContext,
  input: { cursor?: string; limit?: number } = {},
) {
  if (!canBrowsePros(actor)) throw new AppError("not_found");
  const channels = (await listChannels(db)).filter(
    (channel) => channel.allowsQuestions && !isChannelArchived(channel) && canReadChannel(actor, channel),
  );
  return listUnansweredQuestions(db, {
    channelIds: channels.map((channel) => channel.id),
    cursor: input.cursor,
    limit: input.limit,
  });
}

/**
 * What a thread page adds for questions and moderation: the accepted answer (as this reader
 * may see it), and what the reader may do. Two queries at most.
 */
export async function getThreadExtras({ db, actor }: ServiceContext, thread: Thread, channel: Channel) {
  const isQuestion = thread.kind === "question";
  const [accepted, channels] = await Promise.all([
    isQuestion ? getAcceptedAnswer(db, { threadId: thread.id }) : null,
    canModerate(actor) ? listChannels(db) : null,
  ]);
  return {
    isQuestion,
    acceptedAnswer: accepted ? toPostView(accepted, actor) : null,
    canAccept: canAcceptAnswer(actor, thread),
    canModerate: canModerate(actor),
    // Reporting is decided per post in the browser from this and the post's flags; the server re-checks.
    canReport: canReportPost(actor, { authorId: "", deletedAt: null, hiddenAt: null }),
    viewerId: actor?.id ?? null,
    // "Écrire à …" under others' posts; whether that person accepts is shown on the next page.
    canMessage: canUseMessages(actor),
    // Offers live in their own structured channel: never moved in or out.
    moveTargets: (channels ?? [])
      .filter((other) => other.id !== channel.id && !isChannelArchived(other) && canMoveBetweenKinds(thread, other))
      .map(({ slug, name }) => ({ slug, name })),
  };
}

export type ThreadExtras = Awaited<ReturnType<typeof getThreadExtras>>;
