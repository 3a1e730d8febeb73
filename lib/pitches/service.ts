import "server-only";
import type { DbOrTx } from "@/db";
import type { ServiceContext } from "@/lib/context";
import { randomUUID } from "node:crypto";
import { getTranslations } from "next-intl/server";
import { attachFileToPost } from "@/db/queries/attachments";
import { insertReviewRequest } from "@/db/queries/reviews";
import { getChannelBySlug } from "@/db/queries/channels";
import { documentFromText } from "@/lib/editor/render";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { getReadableThread } from "@/lib/forum/service";
import { publishReply, publishThread, type Prepared } from "@/lib/forum/publish";
import { canPostInChannel, canReply } from "@/lib/permissions";
import { enforceRateLimit } from "@/lib/rate-limit";
import { maxUploadMb, type UploadedFile } from "@/lib/uploads/limits";
import { getStorage } from "@/lib/storage";
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
 * Counts the upload, checks the recording by content (refusals throw with their message), then
 * stores it: the `prepare` step of a post that carries a recording (publishing pipeline).
 */
async function prepareAudio(db: DbOrTx, actorId: string, file: UploadedFile): Promise<Prepared<StoredAudio>> {
  await enforceRateLimit(db, { userId: actorId, action: "upload" });
  const check = checkAudio(file.bytes, { maxBytes: getEnv().UPLOAD_MAX_BYTES });
  if (!check.ok)
    throw new AppError("bad_request", AUDIO_REFUSAL_KEYS[check.reason], {
      values: { maxMb: maxUploadMb() },
      field: "file",
    });
  const stored = {
    storageKey: `pitches/${randomUUID()}`,
    byteSize: file.bytes.byteLength,
    pageCount: null,
    // Named by us from the content: the browser's file name says nothing useful here.
    originalName: `pitch.${check.extension}`,
    contentType: check.contentType,
  };
  await getStorage().put(stored.storageKey, file.bytes, stored.contentType);
  return { value: stored, storageKeys: [stored.storageKey], counted: ["upload"] };
}

/**
 * Publishes a pitch in a channel of kind `pitch`: a recording and/or its text. It reuses the
 * review request tables (doc kind `pitch`, version 1 holds the recording and the text), so
 * the permission-checked file route, the rubric feedback and the thread page apply unchanged.
 * Nothing stored remains if the thread is not written (or was a retry).
 */
export async function startPitch({ db, actor }: ServiceContext, input: CreatePitchInput, audio: UploadedFile | null) {
  if (!actor) throw new AppError("unauthenticated");
  const channel = await getChannelBySlug(db, { slug: input.channelSlug });
  if (!channel || !canPostInChannel(actor, channel)) throw new AppError("not_found");
  if (channel.kind !== "pitch") throw new AppError("bad_request", "review.pitch.notPitchChannel");
  if (!audio && !input.text) throw new AppError("bad_request", "review.pitch.audioOrTextRequired", { field: "file" });
  const t = await getTranslations("review.pitch");
  const published = await publishThread(
    { db, actor },
    {
      channel,
      title: input.title,
      body: documentFromText(input.text ?? t("recordedBody")),
      threadKind: "pitch",
      idempotencyKey: input.idempotencyKey,
      hooks: {
        prepare: audio ? () => prepareAudio(db, actor.id, audio) : undefined,
        write: (tx, { thread, prepared }) =>
          insertReviewRequest(tx, {
            threadId: thread.id,
            authorId: actor.id,
            docKind: "pitch",
            target: input.target,
            feedbackWanted: "",
            file: prepared ?? null,
            letterText: input.text ?? null,
          }),
      },
    },
  );
  return { thread: published.thread, isNew: published.isNew, path: published.path };
}

/**
 * A peer answers a pitch with their own recording (and a few words if they like): a reply that
 * carries the file. Readers of the thread play it inline; it goes when its author deletes the
 * reply. Nothing stored remains if the reply is not written (or was a retry).
 */
export async function replyWithRecording(
  { db, actor }: ServiceContext,
  input: Partial<PitchReplyInput> & Omit<PitchReplyInput, "text">,
  audio: UploadedFile | null,
) {
  if (!actor) throw new AppError("unauthenticated");
  const { thread, channel } = await getReadableThread({ db, actor }, input.threadId);
  if (thread.kind !== "pitch") throw new AppError("not_found");
  if (!canReply(actor, channel, thread)) throw new AppError("forbidden", "forum.threadLocked");
  if (!audio) throw new AppError("bad_request", "review.pitch.audioRequired", { field: "file" });
  const t = await getTranslations("review.pitch");
  const published = await publishReply(
    { db, actor },
    {
      thread,
      channel,
      body: documentFromText(input.text ?? t("recordedReplyBody")),
      idempotencyKey: input.idempotencyKey,
      hooks: {
        prepare: () => prepareAudio(db, actor.id, audio),
        write: (tx, { postId, prepared }) => attachFileToPost(tx, { postId, ownerId: actor.id, file: prepared! }),
        attachmentsOf: (attachments) => attachments,
      },
    },
  );
  return { postNumber: published.post.number, isNew: published.isNew };
}
