import "server-only";
import { getDb } from "@/lib/db";
import { listAuditLog } from "@/db/queries/audit";
import { getChannelBySlug, listChannels } from "@/db/queries/channels";
import {
  countModerationQueues,
  createReport,
  dismissReport,
  listOpenReports,
  moveThread,
  setPostHidden,
  setThreadFlag,
  updateChannelTexts,
} from "@/db/queries/moderation";
import { getPostById } from "@/db/queries/posts";
import { getThreadWithChannel } from "@/db/queries/threads";
import { AppError } from "@/lib/errors";
import { canMoveBetweenKinds } from "@/lib/forum/kinds";
import { getReadableThread } from "@/lib/forum/service";
import type { AuditAction } from "@/lib/moderation/constants";
import {
  canEditChannel,
  canHidePost,
  canLockThread,
  canModerate,
  canMoveThread,
  canPinThread,
  canReadAuditLog,
  canReadReports,
  canReportPost,
  type Actor,
} from "@/lib/permissions";
import { enforceRateLimit } from "@/lib/rate-limit";
import { emitPostHidden, emitThreadUpdated } from "@/lib/realtime/emit";
import { threadPath } from "@/lib/slug";
import { contextFor } from "@/lib/context";

/**
 * Moderation capabilities on posts, threads and channels, shared by the server actions and the
 * JSON API. Each checks its permission; what the actor may not do or see answers `not_found`.
 * Every change is written to the audit log in the same transaction.
 */

/** Staff-only capabilities: anyone else gets the same answer as for something that does not exist. */
function requireCapability(isAllowed: boolean): void {
  if (!isAllowed) throw new AppError("not_found");
}

/** A member flags a post they can read, with a reason. Limited per hour like posting. */
export async function reportPost(actor: Actor, input: { postId: number; reason: string }) {
  if (!actor) throw new AppError("unauthenticated");
  const post = await getPostById(getDb(), { postId: input.postId });
  if (!post) throw new AppError("not_found");
  await getReadableThread(contextFor(actor), post.threadId);
  requireCapability(canReportPost(actor, post));
  await enforceRateLimit(getDb(), { userId: actor.id, action: "report" });
  return createReport(getDb(), { postId: post.id, reporterId: actor.id, reason: input.reason });
}

export async function listReports(actor: Actor, input: { cursor?: string } = {}) {
  requireCapability(canReadReports(actor));
  return listOpenReports(getDb(), { cursor: input.cursor });
}

export async function dismissPostReport(actor: Actor, input: { reportId: number; reason?: string | null }) {
  requireCapability(canReadReports(actor));
  const report = await dismissReport(getDb(), {
    reportId: input.reportId,
    actorId: actor!.id,
    reason: input.reason ?? null,
  });
  if (!report) throw new AppError("not_found");
  return report;
}

/** Hides a post (with a reason its author will see) or shows it again. */
export async function setPostVisibility(
  actor: Actor,
  input: { postId: number; hidden: boolean; reason?: string | null },
) {
  requireCapability(canHidePost(actor));
  const existing = await getPostById(getDb(), { postId: input.postId });
  if (!existing) throw new AppError("not_found");
  const post = await setPostHidden(getDb(), {
    postId: existing.id,
    actorId: actor!.id,
    hidden: input.hidden,
    reason: input.reason ?? null,
  });
  if (!post) throw new AppError("conflict", input.hidden ? "moderation.alreadyHidden" : "moderation.notHidden");
  emitPostHidden({ postId: post.id, threadId: post.threadId });
  return post;
}

async function loadThread(threadId: number) {
  const found = await getThreadWithChannel(getDb(), { threadId });
  if (!found || found.thread.deletedAt) throw new AppError("not_found");
  return found;
}

export async function setThreadLocked(
  actor: Actor,
  input: { threadId: number; value: boolean; reason?: string | null },
) {
  requireCapability(canLockThread(actor));
  await loadThread(input.threadId);
  const thread = await setThreadFlag(getDb(), {
    threadId: input.threadId,
    actorId: actor!.id,
    flag: { isLocked: input.value },
    reason: input.reason ?? null,
  });
  if (!thread) throw new AppError("conflict");
  emitThreadUpdated({ threadId: thread.id, isPinned: thread.isPinned, isLocked: thread.isLocked });
  return thread;
}

export async function setThreadPinned(
  actor: Actor,
  input: { threadId: number; value: boolean; reason?: string | null },
) {
  requireCapability(canPinThread(actor));
  await loadThread(input.threadId);
  const thread = await setThreadFlag(getDb(), {
    threadId: input.threadId,
    actorId: actor!.id,
    flag: { isPinned: input.value },
    reason: input.reason ?? null,
  });
  if (!thread) throw new AppError("conflict");
  emitThreadUpdated({ threadId: thread.id, isPinned: thread.isPinned, isLocked: thread.isLocked });
  return thread;
}

/** Moves a thread to another channel; returns its new address. */
export async function moveThreadToChannel(
  actor: Actor,
  input: { threadId: number; channelSlug: string; reason?: string | null },
) {
  requireCapability(canMoveThread(actor));
  const { thread } = await loadThread(input.threadId);
  const target = await getChannelBySlug(getDb(), { slug: input.channelSlug });
  if (!target) throw new AppError("not_found");
  // Offers are structured (their own table and form): they neither leave nor enter the offers channel.
  if (!canMoveBetweenKinds(thread, target)) throw new AppError("bad_request", "moderation.cannotMoveOffers");
  const moved = await moveThread(getDb(), {
    threadId: input.threadId,
    channelId: target.id,
    actorId: actor!.id,
    reason: input.reason ?? null,
  });
  if (!moved) throw new AppError("conflict", "moderation.alreadyInChannel");
  emitThreadUpdated({ threadId: moved.thread.id, isPinned: moved.thread.isPinned, isLocked: moved.thread.isLocked });
  return { thread: moved.thread, path: threadPath(target.slug, moved.thread) };
}

export async function editChannel(
  actor: Actor,
  input: { slug: string; name: string; description: string; rules: string },
) {
  requireCapability(canEditChannel(actor));
  const channel = await getChannelBySlug(getDb(), { slug: input.slug });
  if (!channel) throw new AppError("not_found");
  const updated = await updateChannelTexts(getDb(), {
    channelId: channel.id,
    actorId: actor!.id,
    name: input.name,
    description: input.description,
    rules: input.rules,
  });
  if (!updated) throw new AppError("not_found");
  return updated;
}

/** Channels as staff edit them (all of them, whatever their visibility). */
export async function listChannelsForStaff(actor: Actor) {
  requireCapability(canEditChannel(actor));
  return listChannels(getDb());
}

export async function readAuditLog(
  actor: Actor,
  input: { action?: AuditAction; actorId?: string; targetUserId?: string; cursor?: string } = {},
) {
  requireCapability(canReadAuditLog(actor));
  return listAuditLog(getDb(), input);
}

export async function getModerationOverview(actor: Actor) {
  requireCapability(canModerate(actor));
  return countModerationQueues(getDb());
}
