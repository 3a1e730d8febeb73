import { randomUUID } from "node:crypto";
import { getDb } from "@/lib/db";
import { getChannelBySlug } from "@/db/queries/channels";
import { createReviewRequest, getFileWithThread, listReviewRequests } from "@/db/queries/reviews";
import { documentFromText } from "@/lib/editor/render";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { canPostInChannel, canReadThread, canSeePostContent, type Actor } from "@/lib/permissions";
import { enforceRateLimit, refundRateLimit } from "@/lib/rate-limit";
import { threadPath } from "@/lib/slug";
import { deleteStoredBytes, getStorage } from "@/lib/storage";
import { checkPdf, type PdfRefusal } from "@/lib/uploads/pdf-check";
import { cleanFileName, type CreateReviewInput } from "@/lib/validation/reviews";
import { maxUploadMb, type UploadedFile } from "@/lib/uploads/limits";

export const REFUSAL_KEYS: Record<PdfRefusal, string> = {
  empty: "review.refusedEmpty",
  tooLarge: "review.refusedTooLarge",
  notPdf: "review.refusedNotPdf",
  polyglot: "review.refusedPolyglot",
  javascript: "review.refusedJavascript",
  embeddedFile: "review.refusedEmbeddedFile",
  unreadable: "review.refusedUnreadable",
  encrypted: "review.refusedEncrypted",
};

function requireMember(actor: Actor): asserts actor is NonNullable<Actor> {
  if (!actor) throw new AppError("unauthenticated");
}

/** The channel a review request goes to: the `cv` and `lettres` channels (kind `review`). */
async function getReviewChannel(actor: NonNullable<Actor>, slug: string) {
  const channel = await getChannelBySlug(getDb(), { slug });
  if (!channel || !canPostInChannel(actor, channel)) throw new AppError("not_found");
  if (channel.kind !== "review") throw new AppError("bad_request", "review.notReviewChannel");
  return { channel, docKind: channel.slug === "lettres" ? ("letter" as const) : ("cv" as const) };
}

/**
 * Opens a review request: the file is checked by content, stored, then the thread, request,
 * file row and version 1 are written in one transaction. If that fails (or was a retry),
 * the stored bytes are removed again: no orphan file remains.
 */
export async function startReviewRequest(actor: Actor, input: CreateReviewInput, file: UploadedFile | null) {
  requireMember(actor);
  const { channel, docKind } = await getReviewChannel(actor, input.channelSlug);
  const letterText = docKind === "letter" ? input.letterText : undefined;
  if (!file && !letterText)
    throw new AppError("bad_request", docKind === "letter" ? "review.fileOrTextRequired" : "review.fileRequired");
  if (file && letterText) throw new AppError("bad_request", "review.fileOrTextNotBoth");
  const db = getDb();
  const stored = file
    ? await storeCheckedPdf(actor.id, file, () => enforceRateLimit(db, { userId: actor.id, action: "thread" }))
    : null;
  if (!file) await enforceRateLimit(db, { userId: actor.id, action: "thread" });
  const body = documentFromText(`${input.feedbackWanted}`);
  const result = await writeRequestOwningFile(db, {
    channelId: channel.id,
    authorId: actor.id,
    title: input.title,
    body,
    docKind,
    target: input.target,
    feedbackWanted: input.feedbackWanted,
    file: stored,
    letterText: letterText ?? null,
    idempotencyKey: input.idempotencyKey,
  });
  return { thread: result.thread, isNew: result.isNew, path: threadPath(channel.slug, result.thread) };
}

/**
 * Writes a review or pitch request whose file is already stored. No orphan files: the bytes
 * are deleted if the write fails, or if it was a retried submission (which also gets its
 * thread and upload slots back).
 */
export async function writeRequestOwningFile(
  db: ReturnType<typeof getDb>,
  params: Parameters<typeof createReviewRequest>[1],
) {
  const stored = params.file;
  let result: Awaited<ReturnType<typeof createReviewRequest>>;
  try {
    result = await createReviewRequest(db, params);
  } catch (error) {
    if (stored) await deleteStoredBytes([stored.storageKey]);
    throw error;
  }
  if (!result.isNew) {
    if (stored) await deleteStoredBytes([stored.storageKey]);
    await refundRateLimit(db, { userId: params.authorId, action: "thread" });
    if (stored) await refundRateLimit(db, { userId: params.authorId, action: "upload" });
  }
  return result;
}

export type StoredPdf = {
  storageKey: string;
  byteSize: number;
  pageCount: number;
  originalName: string;
  contentType: string;
};

/**
 * Counts the upload, checks the PDF by content (refusals throw with their message), runs
 * `beforeStore` (e.g. another limit, so a refused file costs nothing else), then stores it.
 * The caller must delete `storageKey` if what it writes next fails.
 */
export async function storeCheckedPdf(
  actorId: string,
  file: UploadedFile,
  beforeStore?: () => Promise<void>,
): Promise<StoredPdf> {
  await enforceRateLimit(getDb(), { userId: actorId, action: "upload" });
  const check = await checkPdf(file.bytes, { maxBytes: getEnv().UPLOAD_MAX_BYTES });
  if (!check.ok) throw new AppError("bad_request", REFUSAL_KEYS[check.reason], { values: { maxMb: maxUploadMb() } });
  await beforeStore?.();
  const stored = {
    storageKey: `reviews/${randomUUID()}`,
    byteSize: file.bytes.byteLength,
    pageCount: check.pageCount,
    originalName: cleanFileName(file.name),
    contentType: "application/pdf",
  };
  await getStorage().put(stored.storageKey, file.bytes, stored.contentType);
  return stored;
}

/** The review part of a thread the actor may read (null for threads that are not reviews). */
export async function getReviewForThread(threadId: number) {
  const requests = await listReviewRequests(getDb(), { threadIds: [threadId] });
  return requests.get(threadId) ?? null;
}

/**
 * A file's bytes, only for people who may read the thread it belongs to (and, for a file a
 * post carries, who may see that post's content); anything else is not found.
 */
export async function readThreadFile(actor: Actor, fileId: string) {
  const row = await getFileWithThread(getDb(), { fileId });
  if (!row || !canReadThread(actor, row.channel, row.thread)) throw new AppError("not_found");
  if (row.post && !canSeePostContent(actor, row.post)) throw new AppError("not_found");
  const bytes = await getStorage().get(row.file.storageKey);
  if (!bytes) throw new AppError("not_found");
  return { file: row.file, bytes };
}
