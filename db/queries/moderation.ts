import "server-only";
import { and, asc, eq, isNotNull, isNull, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { DbOrTx } from "../client";
import {
  admissionRequests,
  channels,
  posts,
  proRequests,
  reports,
  threads,
  users,
  type Channel,
  type Post,
  type Thread,
} from "../schema";
import { insertAudit } from "./audit";
import { afterKeyset, decodeKeyset, encodeKeyset, timestampKey } from "./keyset";

/** Files a report; a second open report of the same post by the same member is a no-op. */
export async function createReport(db: DbOrTx, params: { postId: number; reporterId: string; reason: string }) {
  const [row] = await db.insert(reports).values(params).onConflictDoNothing().returning({ id: reports.id });
  return { isNew: Boolean(row) };
}

export const REPORTS_PAGE_SIZE = 20;

export type ReportQueueItem = {
  id: number;
  reason: string;
  createdAt: Date;
  reporter: { id: string; name: string };
  post: Pick<Post, "id" | "number" | "bodyHtml" | "createdAt" | "hiddenAt" | "hiddenReason" | "deletedAt">;
  author: { id: string; name: string; role: string; organisation: string | null };
  thread: Pick<Thread, "id" | "slug" | "title">;
  channel: Pick<Channel, "slug" | "name">;
};

const reporters = alias(users, "reporters");

/** Open reports, oldest first, each with its post, thread, channel, author and reporter: one query per page. */
export async function listOpenReports(db: DbOrTx, params: { cursor?: string; limit?: number } = {}) {
  const limit = params.limit ?? REPORTS_PAGE_SIZE;
  const rows = await db
    .select({
      id: reports.id,
      reason: reports.reason,
      createdAt: reports.createdAt,
      atKey: timestampKey(reports.createdAt),
      reporter: { id: reporters.id, name: reporters.name },
      post: {
        id: posts.id,
        number: posts.number,
        bodyHtml: posts.bodyHtml,
        createdAt: posts.createdAt,
        hiddenAt: posts.hiddenAt,
        hiddenReason: posts.hiddenReason,
        deletedAt: posts.deletedAt,
      },
      author: { id: users.id, name: users.name, role: users.role, organisation: users.organisation },
      thread: { id: threads.id, slug: threads.slug, title: threads.title },
      channel: { slug: channels.slug, name: channels.name },
    })
    .from(reports)
    .innerJoin(reporters, eq(reporters.id, reports.reporterId))
    .innerJoin(posts, eq(posts.id, reports.postId))
    .innerJoin(users, eq(users.id, posts.authorId))
    .innerJoin(threads, eq(threads.id, posts.threadId))
    .innerJoin(channels, eq(channels.id, threads.channelId))
    .where(
      and(
        eq(reports.status, "open"),
        afterKeyset(reports.createdAt, reports.id, decodeKeyset(params.cursor, "integer"), "asc"),
      ),
    )
    .orderBy(asc(reports.createdAt), asc(reports.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    items: page.map((row) => ({
      id: row.id,
      reason: row.reason,
      createdAt: row.createdAt,
      reporter: row.reporter,
      post: row.post,
      author: row.author,
      thread: row.thread,
      channel: row.channel,
    })) satisfies ReportQueueItem[],
    nextCursor: rows.length > limit && last ? encodeKeyset({ at: last.atKey, id: last.id }) : null,
  };
}

/** Closes an open report without acting on the post. Null when unknown or already closed. */
export async function dismissReport(db: DbOrTx, params: { reportId: number; actorId: string; reason: string | null }) {
  return db.transaction(async (tx) => {
    const [report] = await tx
      .update(reports)
      .set({ status: "dismissed", resolvedById: params.actorId, resolvedAt: sql`now()` })
      .where(and(eq(reports.id, params.reportId), eq(reports.status, "open")))
      .returning();
    if (!report) return null;
    await insertAudit(tx, {
      actorId: params.actorId,
      action: "report.dismiss",
      targetType: "report",
      targetId: report.id,
      reason: params.reason,
      details: { postId: report.postId },
    });
    return report;
  });
}

/**
 * Hides or shows a post again. Hiding also closes the post's open reports. The post's author
 * keeps seeing it, with the reason; the others see "masqué par la modération".
 */
export async function setPostHidden(
  db: DbOrTx,
  params: { postId: number; actorId: string; hidden: boolean; reason: string | null },
) {
  return db.transaction(async (tx) => {
    const [post] = await tx
      .update(posts)
      .set(
        params.hidden
          ? { hiddenAt: sql`now()`, hiddenReason: params.reason, hiddenById: params.actorId }
          : { hiddenAt: null, hiddenReason: null, hiddenById: null },
      )
      .where(
        and(
          eq(posts.id, params.postId),
          isNull(posts.deletedAt),
          params.hidden ? isNull(posts.hiddenAt) : isNotNull(posts.hiddenAt),
        ),
      )
      .returning();
    if (!post) return null;
    if (params.hidden) {
      await tx
        .update(reports)
        .set({ status: "resolved", resolvedById: params.actorId, resolvedAt: sql`now()` })
        .where(and(eq(reports.postId, post.id), eq(reports.status, "open")));
    }
    await insertAudit(tx, {
      actorId: params.actorId,
      action: params.hidden ? "post.hide" : "post.unhide",
      targetType: "post",
      targetId: post.id,
      targetUserId: post.authorId,
      reason: params.reason,
      details: { threadId: post.threadId, number: post.number },
    });
    return post;
  });
}

type ThreadFlag = { isLocked: boolean } | { isPinned: boolean };

/** Locks/unlocks or pins/unpins a thread. Null when the thread is gone or already in that state. */
export async function setThreadFlag(
  db: DbOrTx,
  params: { threadId: number; actorId: string; flag: ThreadFlag; reason: string | null },
) {
  return db.transaction(async (tx) => {
    const [column, value] =
      "isLocked" in params.flag ? [threads.isLocked, params.flag.isLocked] : [threads.isPinned, params.flag.isPinned];
    const [thread] = await tx
      .update(threads)
      .set(params.flag)
      .where(and(eq(threads.id, params.threadId), isNull(threads.deletedAt), sql`${column} is distinct from ${value}`))
      .returning();
    if (!thread) return null;
    const action =
      "isLocked" in params.flag ? (value ? "thread.lock" : "thread.unlock") : value ? "thread.pin" : "thread.unpin";
    await insertAudit(tx, {
      actorId: params.actorId,
      action,
      targetType: "thread",
      targetId: thread.id,
      targetUserId: thread.authorId,
      reason: params.reason,
      details: { title: thread.title },
    });
    return thread;
  });
}

/** Moves a thread to another channel; its address changes with it (old links redirect). */
export async function moveThread(
  db: DbOrTx,
  params: { threadId: number; channelId: number; actorId: string; reason: string | null },
) {
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select({ channelId: threads.channelId })
      .from(threads)
      .where(eq(threads.id, params.threadId))
      .for("update");
    if (!before || before.channelId === params.channelId) return null;
    const [thread] = await tx
      .update(threads)
      .set({ channelId: params.channelId })
      .where(and(eq(threads.id, params.threadId), isNull(threads.deletedAt)))
      .returning();
    if (!thread) return null;
    await insertAudit(tx, {
      actorId: params.actorId,
      action: "thread.move",
      targetType: "thread",
      targetId: thread.id,
      targetUserId: thread.authorId,
      reason: params.reason,
      details: { title: thread.title, fromChannelId: before.channelId, toChannelId: params.channelId },
    });
    return { thread, fromChannelId: before.channelId };
  });
}

export async function updateChannelTexts(
  db: DbOrTx,
  params: {
    channelId: number;
    actorId: string;
    name: string;
    nameEn: string | null;
    description: string;
    rules: string;
    watchedByDefault: boolean;
  },
) {
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(channels).where(eq(channels.id, params.channelId)).for("update");
    if (!before) return null;
    const [channel] = await tx
      .update(channels)
      .set({
        name: params.name,
        nameEn: params.nameEn,
        description: params.description,
        rules: params.rules,
        watchedByDefault: params.watchedByDefault,
      })
      .where(eq(channels.id, params.channelId))
      .returning();
    const changed = (["name", "nameEn", "description", "rules", "watchedByDefault"] as const).filter(
      (field) => before[field] !== params[field],
    );
    await insertAudit(tx, {
      actorId: params.actorId,
      action: "channel.update",
      targetType: "channel",
      targetId: channel!.slug,
      details: { changed, previousName: before.name },
    });
    return channel!;
  });
}

/**
 * Archives (`archived: true`) or restores a channel, audited. Null when the channel does not exist
 * or is already in that state (nothing to do, nothing logged).
 */
export async function setChannelArchived(
  db: DbOrTx,
  params: { channelId: number; actorId: string; archived: boolean; now?: Date },
) {
  return db.transaction(async (tx) => {
    const [channel] = await tx
      .update(channels)
      .set({ archivedAt: params.archived ? (params.now ?? new Date()) : null })
      .where(
        and(
          eq(channels.id, params.channelId),
          params.archived ? isNull(channels.archivedAt) : isNotNull(channels.archivedAt),
        ),
      )
      .returning();
    if (!channel) return null;
    await insertAudit(tx, {
      actorId: params.actorId,
      action: params.archived ? "channel.archive" : "channel.restore",
      targetType: "channel",
      targetId: channel.slug,
      details: { name: channel.name },
    });
    return channel;
  });
}

/** What waits for the facilitators: the numbers on the moderation home. One query. */
export async function countModerationQueues(db: DbOrTx) {
  const [row] = await db
    .select({
      reports: sql<number>`(select count(*)::int from ${reports} where ${reports.status} = 'open')`,
      admissions: sql<number>`(select count(*)::int from ${admissionRequests} where ${admissionRequests.status} = 'pending')`,
      pros: sql<number>`(select count(*)::int from ${proRequests} where ${proRequests.status} = 'pending')`,
    })
    .from(sql`(select 1) as one`);
  return row ?? { reports: 0, admissions: 0, pros: 0 };
}
