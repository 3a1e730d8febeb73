import "server-only";
import type { DbOrTx } from "@/db";
import { getDb } from "@/lib/db";
import type { ServiceContext } from "@/lib/context";
import { randomUUID } from "node:crypto";
import { getChannelBySlug } from "@/db/queries/channels";
import { getFileWithThread, insertReviewRequest, listReviewRequests } from "@/db/queries/reviews";
import { documentFromText } from "@/lib/editor/render";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { canPostInChannel, canReadThread, canSeePostContent, type Actor } from "@/lib/permissions";
import { enforceRateLimit } from "@/lib/rate-limit";
import { channelDocKind } from "@/lib/forum/kinds";
import { publishThread, type Prepared } from "@/lib/forum/publish";
import { getStorage } from "@/lib/storage";
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
  xfaForm: "review.refusedXfaForm",
  unreadable: "review.refusedUnreadable",
  encrypted: "review.refusedEncrypted",
};

function requireMember(actor: Actor): asserts actor is NonNullable<Actor> {
  if (!actor) throw new AppError("unauthenticated");
}

/** The channel a review request goes to: a channel of kind `review`, whose document kind it stores. */
async function getReviewChannel(db: DbOrTx, actor: NonNullable<Actor>, slug: string) {
  const channel = await getChannelBySlug(db, { slug });
  if (!channel || !canPostInChannel(actor, channel)) throw new AppError("not_found");
  const docKind = channelDocKind(channel);
  if (channel.kind !== "review" || (docKind !== "cv" && docKind !== "letter"))
    throw new AppError("bad_request", "review.notReviewChannel");
  return { channel, docKind };
}

/**
 * Opens a review request through the publishing pipeline: the file is checked by content and
 * stored, then the thread, request, file row and version 1 are written in one transaction.
 * If that fails (or was a retry), the stored bytes are removed again: no orphan file remains.
 */
export async function startReviewRequest(
  { db, actor }: ServiceContext,
  input: CreateReviewInput,
  file: UploadedFile | null,
) {
  requireMember(actor);
  const { channel, docKind } = await getReviewChannel(db, actor, input.channelSlug);
  const letterText = docKind === "letter" ? input.letterText : undefined;
  if (!file && !letterText)
    throw new AppError("bad_request", docKind === "letter" ? "review.fileOrTextRequired" : "review.fileRequired", {
      field: "file",
    });
  if (file && letterText) throw new AppError("bad_request", "review.fileOrTextNotBoth", { field: "file" });
  const published = await publishThread(
    { db, actor },
    {
      channel,
      title: input.title,
      body: documentFromText(input.feedbackWanted),
      threadKind: "review",
      idempotencyKey: input.idempotencyKey,
      hooks: {
        prepare: file ? () => preparePdf(db, actor.id, file) : undefined,
        write: (tx, { thread, prepared }) =>
          insertReviewRequest(tx, {
            threadId: thread.id,
            authorId: actor.id,
            docKind,
            target: input.target,
            feedbackWanted: input.feedbackWanted,
            file: prepared ?? null,
            letterText: letterText ?? null,
          }),
      },
    },
  );
  return { thread: published.thread, isNew: published.isNew, path: published.path };
}

export type StoredPdf = {
  storageKey: string;
  byteSize: number;
  pageCount: number;
  originalName: string;
  contentType: string;
};

/**
 * Counts the upload, checks the PDF by content (refusals throw with their message), then
 * stores it. The caller must delete `storageKey` if what it writes next fails.
 */
export async function storeCheckedPdf(db: DbOrTx, actorId: string, file: UploadedFile): Promise<StoredPdf> {
  await enforceRateLimit(db, { userId: actorId, action: "upload" });
  const check = await checkPdf(file.bytes, { maxBytes: getEnv().UPLOAD_MAX_BYTES });
  // A refused file still counts as an upload (sending hostile files is what the limit is for).
  if (!check.ok)
    throw new AppError("bad_request", REFUSAL_KEYS[check.reason], { values: { maxMb: maxUploadMb() }, field: "file" });
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

/** The `prepare` step of a post that carries a PDF (publishing pipeline). */
async function preparePdf(db: DbOrTx, actorId: string, file: UploadedFile): Promise<Prepared<StoredPdf>> {
  const stored = await storeCheckedPdf(db, actorId, file);
  return { value: stored, storageKeys: [stored.storageKey], counted: ["upload"] };
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
export async function readThreadFile({ db, actor }: ServiceContext, fileId: string) {
  const row = await getFileWithThread(db, { fileId });
  if (!row || !canReadThread(actor, row.channel, row.thread)) throw new AppError("not_found");
  if (row.post && !canSeePostContent(actor, row.post)) throw new AppError("not_found");
  const bytes = await getStorage().get(row.file.storageKey);
  if (!bytes) throw new AppError("not_found");
  return { file: row.file, bytes };
}
