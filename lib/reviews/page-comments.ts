import "server-only";
import { getDb } from "@/lib/db";
import type { ServiceContext } from "@/lib/context";
import { cache } from "react";
import { insertPageComment, listPageComments } from "@/db/queries/reviews";
import { documentFromText } from "@/lib/editor/render";
import { AppError } from "@/lib/errors";
import { getReadableThread } from "@/lib/forum/service";
import { publishReply } from "@/lib/forum/publish";
import { canReply } from "@/lib/permissions";
import { emitReviewUpdated } from "@/lib/realtime/emit";
import type { PageCommentInput } from "@/lib/validation/reviews";
import { getReviewForThread } from "./service";

/**
 * A comment on a page (optionally a rectangle) of one version of a PDF. Its text is posted as
 * a reply, labelled with its page where it is shown, so the discussion reads on its own; the
 * marker links to it.
 */
export async function commentOnPage({ db, actor }: ServiceContext, input: PageCommentInput) {
  if (!actor) throw new AppError("unauthenticated");
  const { thread, channel } = await getReadableThread({ db, actor }, input.threadId);
  if (thread.kind !== "review") throw new AppError("not_found");
  if (!canReply(actor, channel, thread)) throw new AppError("forbidden", "forum.threadLocked");
  const review = await getReviewForThread(thread.id);
  const version = review?.versions.find((item) => item.number === input.version);
  if (!version?.file) throw new AppError("not_found");
  if (version.file.pageCount && input.page > version.file.pageCount)
    throw new AppError("bad_request", "review.pageOutOfRange");
  const published = await publishReply(
    { db, actor },
    {
      thread,
      channel,
      // Just the text: the post's label names the page in each reader's language (PostCard).
      body: documentFromText(input.text),
      idempotencyKey: input.idempotencyKey,
      hooks: {
        write: (tx, { postId }) =>
          insertPageComment(tx, {
            postId,
            threadId: thread.id,
            versionId: version.id,
            page: input.page,
            rect: input.rect,
          }),
        afterCommit: () => emitReviewUpdated({ threadId: thread.id, actorId: actor.id }),
      },
    },
  );
  return { postNumber: published.post.number, isNew: published.isNew };
}

/**
 * Page comments of a thread whose reader the page has already checked. Request-cached: the
 * review section (markers) and the discussion (links from the posts) ask for the same list.
 */
export const getPageComments = cache(async (threadId: number) => listPageComments(getDb(), { threadId }));
