import "server-only";
import type { ServiceContext } from "@/lib/context";
import type { DbOrTx } from "@/db";
import { listAuditLog } from "@/db/queries/audit";
import { getChannelBySlug, listChannels } from "@/db/queries/channels";
import {
  countModerationQueues,
  createReport,
  dismissReport,
  listOpenReports,
  moveThread,
  setChannelArchived,
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
  isChannelArchived,
  canLockThread,
  canModerate,
  canMoveThread,
  canPinThread,
  canReadAuditLog,
  canReadReports,
  canReportPost,
} from "@/lib/permissions";
import { enforceRateLimit } from "@/lib/rate-limit";
import { notifyMembers } from "@/lib/notifications/fanout";
import { emitPostHidden, emitThreadUpdated } from "@/lib/realtime/emit";
import { threadPath } from "@/lib/slug";

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
export async function reportPost({ db, actor }: ServiceContext, input: { postId: number; reason: string }) {
  if (!actor) throw new AppError("unauthenticated");
  const post = await getPostById(db, { postId: input.postId });
  if (!post) throw new AppError("not_found");
  await getReadableThread({ db, actor }, post.threadId);
  requireCapability(canReportPost(actor, post));
  await enforceRateLimit(db, { userId: actor.id, action: "report" });
  return createReport(db, { postId: post.id, reporterId: actor.id, reason: input.reason });
}

export async function listReports({ db, actor }: ServiceContext, input: { cursor?: string } = {}) {
  requireCapability(canReadReports(actor));
  return listOpenReports(db, { cursor: input.cursor });
}

export async function dismissPostReport(
  { db, actor }: ServiceContext,
  input: { reportId: number; reason?: string | null },
) {
  requireCapability(canReadReports(actor));
  const report = await dismissReport(db, {
    reportId: input.reportId,
    actorId: actor!.id,
    reason: input.reason ?? null,
  });
  if (!report) throw new AppError("not_found");
  return report;
}

/** Hides a post (with a reason its author will see) or shows it again. */
export async function setPostVisibility(
  { db, actor }: ServiceContext,
  input: { postId: number; hidden: boolean; reason?: string | null },
) {
  requireCapability(canHidePost(actor));
  const existing = await getPostById(db, { postId: input.postId });
  if (!existing) throw new AppError("not_found");
  const post = await setPostHidden(db, {
    postId: existing.id,
    actorId: actor!.id,
    hidden: input.hidden,
    reason: input.reason ?? null,
  });
  if (!post) throw new AppError("conflict", input.hidden ? "moderation.alreadyHidden" : "moderation.notHidden");
  emitPostHidden({ postId: post.id, threadId: post.threadId });
  // The author learns why their post was hidden (and nothing when it is shown again).
  if (input.hidden) {
    await notifyMembers(db, {
      type: "moderation",
      userIds: [post.authorId],
      actorId: actor!.id,
      threadId: post.threadId,
      postId: post.id,
      payload: { reason: input.reason ?? null },
    });
  }
  return post;
}

async function loadThread(db: DbOrTx, threadId: number) {
  const found = await getThreadWithChannel(db, { threadId });
  if (!found || found.thread.deletedAt) throw new AppError("not_found");
  return found;
}

export async function setThreadLocked(
  { db, actor }: ServiceContext,
  input: { threadId: number; value: boolean; reason?: string | null },
) {
  requireCapability(canLockThread(actor));
  await loadThread(db, input.threadId);
  const thread = await setThreadFlag(db, {
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
  { db, actor }: ServiceContext,
  input: { threadId: number; value: boolean; reason?: string | null },
) {
  requireCapability(canPinThread(actor));
  await loadThread(db, input.threadId);
  const thread = await setThreadFlag(db, {
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
  { db, actor }: ServiceContext,
  input: { threadId: number; channelSlug: string; reason?: string | null },
) {
  requireCapability(canMoveThread(actor));
  const { thread } = await loadThread(db, input.threadId);
  const target = await getChannelBySlug(db, { slug: input.channelSlug });
  // An archived channel takes no new thread, moved ones included.
  if (!target || isChannelArchived(target)) throw new AppError("not_found");
  // Offers are structured (their own table and form): they neither leave nor enter the offers channel.
  if (!canMoveBetweenKinds(thread, target)) throw new AppError("bad_request", "moderation.cannotMoveOffers");
  const moved = await moveThread(db, {
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
  { db, actor }: ServiceContext,
  input: {
    slug: string;
    name: string;
    nameEn?: string;
    description: string;
    rules: string;
    watchedByDefault?: boolean;
  },
) {
  requireCapability(canEditChannel(actor));
  const channel = await getChannelBySlug(db, { slug: input.slug });
  if (!channel) throw new AppError("not_found");
  const updated = await updateChannelTexts(db, {
    channelId: channel.id,
    actorId: actor!.id,
    name: input.name,
    // Empty: English readers see the channel's own name. Absent: unchanged.
    nameEn: input.nameEn === undefined ? channel.nameEn : input.nameEn || null,
    description: input.description,
    rules: input.rules,
    watchedByDefault: input.watchedByDefault ?? channel.watchedByDefault,
  });
  if (!updated) throw new AppError("not_found");
  return updated;
}

/**
 * Archives or restores a channel (audited): archived, it leaves every list and takes no new
 * thread or reply, while its threads stay readable by link.
 */
export async function archiveChannel({ db, actor }: ServiceContext, input: { slug: string; archived: boolean }) {
  requireCapability(canEditChannel(actor));
  const channel = await getChannelBySlug(db, { slug: input.slug });
  if (!channel) throw new AppError("not_found");
  const updated = await setChannelArchived(db, { channelId: channel.id, actorId: actor!.id, archived: input.archived });
  if (!updated)
    throw new AppError(
      "conflict",
      input.archived ? "moderation.channelAlreadyArchived" : "moderation.channelNotArchived",
    );
  return updated;
}

/** Channels as staff edit them (all of them, whatever their visibility, archived ones included). */
export async function listChannelsForStaff({ db, actor }: ServiceContext) {
  requireCapability(canEditChannel(actor));
  return listChannels(db);
}

export async function readAuditLog(
  { db, actor }: ServiceContext,
  input: { action?: AuditAction; actorId?: string; targetUserId?: string; cursor?: string } = {},
) {
  requireCapability(canReadAuditLog(actor));
  return listAuditLog(db, input);
}

export async function getModerationOverview({ db, actor }: ServiceContext) {
  requireCapability(canModerate(actor));
  return countModerationQueues(db);
}

/**
 * What waits for the team in the queues a facilitator acts on first (open reports, admission
 * requests): the badge of the navigation. Zero for everyone else, without a query.
 */
export async function countWaitingForStaff({ db, actor }: ServiceContext): Promise<number> {
  if (!canModerate(actor)) return 0;
  const counts = await countModerationQueues(db);
  return counts.reports + counts.admissions;
}
