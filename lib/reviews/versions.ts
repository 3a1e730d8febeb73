import "server-only";
import type { ServiceContext } from "@/lib/context";
import { addReviewVersion, deleteReviewVersion, setReviewResolved, withdrawVersionFile } from "@/db/queries/reviews";
import { AppError } from "@/lib/errors";
import { documentFromText } from "@/lib/editor/render";
import { getReadableThread, replyToThread } from "@/lib/forum/service";
import { isActiveMember } from "@/lib/permissions";
import { emitReviewUpdated } from "@/lib/realtime/emit";
import { deleteStoredBytes } from "@/lib/storage";
import type { UploadedFile } from "@/lib/uploads/limits";
import { getReviewForThread, storeCheckedPdf } from "./service";
import { contextFor } from "@/lib/context";

/** The actor's own review request (or pitch, when allowed), readable by them; anything else is not found. */
async function getOwnReview({ db, actor }: ServiceContext, threadId: number, kinds: readonly string[] = ["review"]) {
  if (!isActiveMember(actor)) throw new AppError("unauthenticated");
  const { thread, channel } = await getReadableThread({ db, actor }, threadId);
  if (!kinds.includes(thread.kind) || thread.authorId !== actor.id) throw new AppError("not_found");
  const review = await getReviewForThread(thread.id);
  if (!review) throw new AppError("not_found");
  return { actor, thread, channel, review };
}

/**
 * Uploads version 2, 3… of the document (author only). A PDF is checked and stored first;
 * if the database write fails its bytes are deleted again.
 */
export async function addVersion(
  { db, actor }: ServiceContext,
  input: { threadId: number; letterText?: string },
  file: UploadedFile | null,
) {
  const { actor: author, thread, review } = await getOwnReview({ db, actor }, input.threadId);
  const letterText = review.docKind === "letter" ? input.letterText : undefined;
  const missingKey = review.docKind === "letter" ? "review.fileOrTextRequired" : "review.fileRequired";
  if (!file && !letterText) throw new AppError("bad_request", missingKey, { field: "file" });
  if (file && letterText) throw new AppError("bad_request", "review.fileOrTextNotBoth", { field: "file" });
  const stored = file ? await storeCheckedPdf(db, author.id, file) : null;
  try {
    const added = await addReviewVersion(db, {
      threadId: thread.id,
      actorId: author.id,
      file: stored,
      letterText: letterText ?? null,
    });
    if (!added) throw new AppError("not_found");
    emitReviewUpdated({ threadId: thread.id, actorId: author.id });
    return added;
  } catch (error) {
    if (stored) await deleteStoredBytes([stored.storageKey]);
    throw error;
  }
}

/** The author marks the request resolved ("Résolu") or reopens it. */
export async function markResolved(
  { db, actor }: ServiceContext,
  input: { threadId: number; isResolved: boolean; thanks?: string },
) {
  const { actor: author, thread } = await getOwnReview({ db, actor }, input.threadId);
  const isDone = await setReviewResolved(db, {
    threadId: thread.id,
    actorId: author.id,
    isResolved: input.isResolved,
  });
  if (!isDone) throw new AppError("not_found");
  emitReviewUpdated({ threadId: thread.id, actorId: author.id });
  // The thanks is an ordinary reply (same limits, live update, notifications) after the change.
  if (input.isResolved && input.thanks)
    await replyToThread(contextFor(author), { threadId: thread.id, body: documentFromText(input.thanks) });
  return { isResolved: input.isResolved };
}

/** The author deletes one version (never the last one); its file leaves the storage too. */
export async function removeVersion({ db, actor }: ServiceContext, input: { threadId: number; number: number }) {
  const { actor: author, thread } = await getOwnReview({ db, actor }, input.threadId);
  const removed = await deleteReviewVersion(db, { threadId: thread.id, number: input.number, actorId: author.id });
  if (!removed) throw new AppError("not_found");
  // After commit: the row is gone, so nobody can be served these bytes any more.
  if (removed.storageKey) await deleteStoredBytes([removed.storageKey]);
  emitReviewUpdated({ threadId: thread.id, actorId: author.id });
  return { deleted: true };
}

/**
 * The author withdraws the file of a version (a CV, a letter, a pitch recording), the last one
 * included: its bytes leave the storage at once; the version, its reviews and comments stay.
 */
export async function withdrawFile({ db, actor }: ServiceContext, input: { threadId: number; number: number }) {
  const { actor: author, thread } = await getOwnReview({ db, actor }, input.threadId, ["review", "pitch"]);
  const storageKey = await withdrawVersionFile(db, {
    threadId: thread.id,
    number: input.number,
    actorId: author.id,
  });
  if (!storageKey) throw new AppError("not_found");
  await deleteStoredBytes([storageKey]);
  emitReviewUpdated({ threadId: thread.id, actorId: author.id });
  return { withdrawn: true };
}
