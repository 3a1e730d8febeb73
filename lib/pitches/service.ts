import { randomUUID } from "node:crypto";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/lib/db";
import { createReplyWithFile } from "@/db/queries/attachments";
import { getChannelBySlug } from "@/db/queries/channels";
import { documentFromText } from "@/lib/editor/render";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { getReadableThread } from "@/lib/forum/service";
import { toPostView } from "@/lib/forum/views";
import { canPostInChannel, canReply, type Actor } from "@/lib/permissions";
import { enforceRateLimit, refundRateLimit } from "@/lib/rate-limit";
import { emitPostCreated } from "@/lib/realtime/emit";
import { writeRequestOwningFile } from "@/lib/reviews/service";
import { maxUploadMb, type UploadedFile } from "@/lib/uploads/limits";
import { threadPath } from "@/lib/slug";
import { deleteStoredBytes, getStorage } from "@/lib/storage";
import { checkAudio, type AudioRefusal } from "@/lib/uploads/audio-check";
import type { CreatePitchInput, PitchReplyInput } from "@/lib/validation/pitches";

export const AUDIO_REFUSAL_KEYS: Record<AudioRefusal, string> = {
  empty: "review.refusedEmpty",
  tooLarge: "review.refusedTooLarge",
  notAudio: "review.pitch.refusedNotAudio",
};

/** Longest recording the recorder makes (it stops itself); the byte limit backs it on the server. */
export const MAX_PITCH_SECONDS = 180;

export type StoredAudio = {
  storageKey: string;
  byteSize: number;
  pageCount: null;
  originalName: string;
  contentType: string;
};

/**
 * Counts the upload, checks the recording by content (refusals throw with their message), runs
 * `beforeStore`, then stores it. The caller must delete `storageKey` if what it writes next fails.
 */
export async function storeCheckedAudio(
  actorId: string,
  file: UploadedFile,
  beforeStore?: () => Promise<void>,
): Promise<StoredAudio> {
  await enforceRateLimit(getDb(), { userId: actorId, action: "upload" });
  const check = checkAudio(file.bytes, { maxBytes: getEnv().UPLOAD_MAX_BYTES });
  if (!check.ok)
    throw new AppError("bad_request", AUDIO_REFUSAL_KEYS[check.reason], { values: { maxMb: maxUploadMb() } });
  await beforeStore?.();
  const stored = {
    storageKey: `pitches/${randomUUID()}`,
    byteSize: file.bytes.byteLength,
    pageCount: null,
    // Named by us from the content: the browser's file name says nothing useful here.
    originalName: `pitch.${check.extension}`,
    contentType: check.contentType,
  };
  await getStorage().put(stored.storageKey, file.bytes, stored.contentType);
  return stored;
}

/**
 * Publishes a pitch in a channel of kind `pitch`: a recording and/or its text. It reuses the
 * review request tables (doc kind `pitch`, version 1 holds the recording and the text), so
 * the permission-checked file route, the rubric feedback and the thread page apply unchanged.
 * Nothing stored remains if the thread is not written (or was a retry).
 */
export async function startPitch(actor: Actor, input: CreatePitchInput, audio: UploadedFile | null) {
  if (!actor) throw new AppError("unauthenticated");
  const db = getDb();
  const channel = await getChannelBySlug(db, { slug: input.channelSlug });
  if (!channel || !canPostInChannel(actor, channel)) throw new AppError("not_found");
  if (channel.kind !== "pitch") throw new AppError("bad_request", "review.pitch.notPitchChannel");
  if (!audio && !input.text) throw new AppError("bad_request", "review.pitch.audioOrTextRequired");
  const stored = audio
    ? await storeCheckedAudio(actor.id, audio, () => enforceRateLimit(db, { userId: actor.id, action: "thread" }))
    : null;
  if (!audio) await enforceRateLimit(db, { userId: actor.id, action: "thread" });
  const t = await getTranslations("review.pitch");
  const result = await writeRequestOwningFile(db, {
    channelId: channel.id,
    authorId: actor.id,
    title: input.title,
    body: documentFromText(input.text ?? t("recordedBody")),
    kind: "pitch",
    docKind: "pitch",
    target: input.target,
    feedbackWanted: "",
    file: stored,
    letterText: input.text ?? null,
    idempotencyKey: input.idempotencyKey,
  });
  return { thread: result.thread, isNew: result.isNew, path: threadPath(channel.slug, result.thread) };
}

/**
 * A peer answers a pitch with their own recording (and a few words if they like): a reply that
 * carries the file. Readers of the thread play it inline; it goes when its author deletes the
 * reply. Nothing stored remains if the reply is not written (or was a retry).
 */
export async function replyWithRecording(
  actor: Actor,
  input: Partial<PitchReplyInput> & Omit<PitchReplyInput, "text">,
  audio: UploadedFile | null,
) {
  if (!actor) throw new AppError("unauthenticated");
  const { thread, channel } = await getReadableThread(actor, input.threadId);
  if (thread.kind !== "pitch") throw new AppError("not_found");
  if (!canReply(actor, channel, thread)) throw new AppError("forbidden", "forum.threadLocked");
  if (!audio) throw new AppError("bad_request", "review.pitch.audioRequired");
  const db = getDb();
  const stored = await storeCheckedAudio(actor.id, audio, () =>
    enforceRateLimit(db, { userId: actor.id, action: "post" }),
  );
  const t = await getTranslations("review.pitch");
  let result: Awaited<ReturnType<typeof createReplyWithFile>>;
  try {
    result = await createReplyWithFile(db, {
      threadId: thread.id,
      authorId: actor.id,
      body: documentFromText(input.text ?? t("recordedReplyBody")),
      idempotencyKey: input.idempotencyKey,
      file: stored,
    });
  } catch (error) {
    // Nothing was written: the bytes go, and the original error is the one reported.
    await deleteStoredBytes([stored.storageKey]);
    throw error;
  }
  if (!result.ok || !result.isNew) {
    await deleteStoredBytes([stored.storageKey]);
    await refundRateLimit(db, { userId: actor.id, action: "post" });
    await refundRateLimit(db, { userId: actor.id, action: "upload" });
  }
  if (!result.ok) throw new AppError("not_found");
  if ("attachments" in result) {
    emitPostCreated({
      post: toPostView(result.post, actor, [], result.attachments),
      threadId: thread.id,
      channelSlug: channel.slug,
    });
  }
  return { postNumber: result.post.number, isNew: result.isNew };
}
