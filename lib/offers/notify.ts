import { createNotification } from "@/db/queries/notifications";
import type { DbOrTx } from "@/db";

export type RepliedThread = { id: number; kind: string; authorId: string; title: string; slug: string };

/**
 * A question under an offer notifies the offer's author (not when they answer themselves).
 * Called after the reply's transaction committed. Returns whether a notification was made.
 */
export async function notifyOfferReply(
  db: DbOrTx,
  input: { thread: RepliedThread; replyAuthorId: string; postId: number; postNumber: number },
): Promise<boolean> {
  if (input.thread.kind !== "offer" || input.thread.authorId === input.replyAuthorId) return false;
  await createNotification(db, {
    userId: input.thread.authorId,
    kind: "offer_question",
    actorId: input.replyAuthorId,
    threadId: input.thread.id,
    postId: input.postId,
    payload: { title: input.thread.title, slug: input.thread.slug, number: input.postNumber },
  });
  return true;
}
