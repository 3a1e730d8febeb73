import "server-only";
import { randomUUID } from "node:crypto";
import type { DbOrTx } from "@/db";
import { getMessageFile } from "@/db/queries/message-extras";
import type { NewStoredFile } from "@/db/queries/reviews";
import type { ServiceContext } from "@/lib/context";
import { documentFromText } from "@/lib/editor/render";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { AUDIO_REFUSAL_KEYS } from "@/lib/pitches/service";
import { canUseMessageContent } from "@/lib/permissions/conversations";
import { enforceRateLimit } from "@/lib/rate-limit";
import { REFUSAL_KEYS } from "@/lib/reviews/service";
import { deleteStoredBytes, getStorage } from "@/lib/storage";
import { checkAudio } from "@/lib/uploads/audio-check";
import { maxUploadMb, type UploadedFile } from "@/lib/uploads/limits";
import { checkPdf } from "@/lib/uploads/pdf-check";
import type { SendMessageFileInput } from "@/lib/validation/messages";
import { cleanFileName } from "@/lib/validation/reviews";
import { participationOf, sendMessage } from "./service";

const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46, 0x2d]; // "%PDF-"

const refused = (key: string) => new AppError("bad_request", key, { values: { maxMb: maxUploadMb() }, field: "file" });

/**
 * Checks an upload by content with the review pipeline's checks (a PDF: no script, no embedded
 * file, readable; otherwise a recording: WebM, Ogg or MP4 audio), counts it against the upload
 * limit (refused files count too), then stores it. What the browser says the file is never matters.
 */
async function storeCheckedMessageFile(db: DbOrTx, actorId: string, file: UploadedFile): Promise<NewStoredFile> {
  await enforceRateLimit(db, { userId: actorId, action: "upload" });
  const maxBytes = getEnv().UPLOAD_MAX_BYTES;
  const looksPdf = PDF_MAGIC.every((byte, index) => file.bytes[index] === byte);
  let stored: NewStoredFile;
  if (looksPdf) {
    const check = await checkPdf(file.bytes, { maxBytes });
    if (!check.ok) throw refused(REFUSAL_KEYS[check.reason]);
    stored = {
      storageKey: `messages/${randomUUID()}`,
      byteSize: file.bytes.byteLength,
      pageCount: check.pageCount,
      originalName: cleanFileName(file.name),
      contentType: "application/pdf",
    };
  } else {
    const check = checkAudio(file.bytes, { maxBytes });
    if (!check.ok)
      throw refused(check.reason === "notAudio" ? "messages.files.refusedType" : AUDIO_REFUSAL_KEYS[check.reason]);
    stored = {
      storageKey: `messages/${randomUUID()}`,
      byteSize: file.bytes.byteLength,
      pageCount: null,
      originalName: `pitch.${check.extension}`,
      contentType: check.contentType,
    };
  }
  await getStorage().put(stored.storageKey, file.bytes, stored.contentType);
  return stored;
}

/**
 * A message carrying a file (a CV, a recorded pitch) and a few words if the sender likes. The
 * participation is checked before the upload counts or is stored; nothing stored remains when
 * the message is not written (refused, failed, or a retried submission).
 */
export async function sendMessageWithFile(
  ctx: ServiceContext,
  input: SendMessageFileInput,
  upload: UploadedFile | null,
) {
  const { member } = await participationOf(ctx, input.conversationId);
  if (!upload) throw new AppError("bad_request", "messages.files.required", { field: "file" });
  const stored = await storeCheckedMessageFile(ctx.db, member.id, upload);
  const body = documentFromText(input.text || stored.originalName);
  try {
    const result = await sendMessage(
      ctx,
      { conversationId: input.conversationId, body, idempotencyKey: input.idempotencyKey },
      stored,
    );
    if (!result.isNew) await deleteStoredBytes([stored.storageKey]);
    return result;
  } catch (error) {
    await deleteStoredBytes([stored.storageKey]);
    throw error;
  }
}

/**
 * A message's file, for the conversation's current participants while the message exists;
 * anyone else (visitors, facilitators, former participants) gets the same `not_found` as for a
 * file that does not exist.
 */
export async function readMessageFile(ctx: ServiceContext, fileId: string) {
  if (!ctx.actor) throw new AppError("not_found");
  const row = await getMessageFile(ctx.db, { fileId });
  if (!row) throw new AppError("not_found");
  const { member } = await participationOf(ctx, row.conversationId);
  if (!canUseMessageContent(member, { isParticipant: true }, row)) throw new AppError("not_found");
  const bytes = await getStorage().get(row.file.storageKey);
  if (!bytes) throw new AppError("not_found");
  return { file: row.file, bytes };
}
