import { and, desc, eq, inArray, isNull, param, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Delivery, FollowLevel, NotificationType } from "@/lib/domain/notifications";
import type { DbOrTx } from "../client";
import {
  channels,
  notificationSettings,
  notifications,
  posts,
  threads,
  users,
  type Notification,
  type UserRole,
  type UserStatus,
} from "../schema";
import { afterKeyset, decodeKeyset, encodeKeyset, timestampKey, toKeysetPage } from "./keyset";

export type NewNotification = {
  userId: string;
  kind: NotificationType;
  actorId?: string | null;
  threadId?: number | null;
  postId?: number | null;
  payload?: Record<string, unknown>;
  inBell?: boolean;
  email?: Delivery["email"];
  push?: boolean;
};

/** What follows a notification's creation needs of it (live count, delivery jobs). */
export type CreatedNotification = Pick<Notification, "id" | "userId" | "inBell" | "email" | "push">;

/**
 * One INSERT for any number of recipients: each column is sent as one array and unnested, so
 * 1,000 recipients cost 9 parameters, not 9,000 (building and parsing those dominated the time).
 */
export async function insertNotifications(db: DbOrTx, rows: NewNotification[]): Promise<CreatedNotification[]> {
  if (rows.length === 0) return [];
  // Every element as text (or null) in a text[] cast by PostgreSQL: PGlite's serializer rejects
  // numbers in arrays and does not know the enum's array type.
  // `param`: one array parameter (a bare array in sql`` would become one parameter per element).
  const column = (pick: (row: NewNotification) => string | number | boolean | null | undefined) =>
    param(
      rows.map((row) => {
        const value = pick(row);
        return value === null || value === undefined ? null : String(value);
      }),
    );
  const result = await db.execute<{
    id: number;
    user_id: string;
    in_bell: boolean;
    email: Delivery["email"];
    push: boolean;
  }>(sql`
    insert into ${notifications} (user_id, kind, actor_id, thread_id, post_id, payload, in_bell, email, push)
    select * from unnest(
      ${column((row) => row.userId)}::text[]::uuid[], ${column((row) => row.kind)}::text[],
      ${column((row) => row.actorId)}::text[]::uuid[], ${column((row) => row.threadId)}::text[]::bigint[],
      ${column((row) => row.postId)}::text[]::bigint[], ${column((row) => JSON.stringify(row.payload ?? {}))}::text[]::jsonb[],
      ${column((row) => row.inBell ?? true)}::text[]::boolean[], ${column((row) => row.email ?? "off")}::text[]::email_mode[],
      ${column((row) => row.push ?? false)}::text[]::boolean[])
    returning id, user_id, in_bell, email, push`);
  return result.rows.map((row) => ({
    id: Number(row.id),
    userId: row.user_id,
    inBell: row.in_bell,
    email: row.email,
    push: row.push,
  }));
}

export async function createNotification(db: DbOrTx, params: NewNotification): Promise<CreatedNotification> {
  const [row] = await insertNotifications(db, [params]);
  return row!;
}

/**
 * Who may hear of a new post in a thread, in one query: the thread's and the channel's
 * followers at `watching` (every member, for a channel watched by default, unless they chose a
 * level), the members the post mentions and `extraUserIds` (the thread's author, the author of
 * the post replied to). With each: the account (for the permission check), both levels and the
 * delivery preferences. Deciding who is told what is the service's job (lib/notifications).
 */
export type AudienceMember = {
  userId: string;
  role: UserRole;
  status: UserStatus;
  threadLevel: FollowLevel | null;
  channelLevel: FollowLevel | null;
  isMentioned: boolean;
  delivery: Partial<Record<NotificationType, Delivery>> | null;
};

export async function findPostAudience(
  db: DbOrTx,
  params: { threadId: number; channelId: number; postId: number; watchedByDefault: boolean; extraUserIds: string[] },
): Promise<AudienceMember[]> {
  const extra = sql`${`{${params.extraUserIds.join(",")}}`}::text[]::uuid[]`;
  const result = await db.execute<{
    user_id: string;
    role: UserRole;
    status: UserStatus;
    thread_level: FollowLevel | null;
    channel_level: FollowLevel | null;
    is_mentioned: boolean;
    delivery: Partial<Record<NotificationType, Delivery>> | null;
  }>(sql`
    with tf as (select user_id, level from thread_follows where thread_id = ${params.threadId}),
      cf as (select user_id, level from channel_follows where channel_id = ${params.channelId}),
      m as (select user_id from mentions where post_id = ${params.postId}),
      ids as (
        select user_id from tf where level = 'watching'
        union select user_id from cf where level = 'watching'
        union select user_id from m
        union select unnest(${extra})
        union select u.id from users u
          where ${params.watchedByDefault} and u.status = 'active' and not exists (select 1 from cf where cf.user_id = u.id)
      )
    select u.id as user_id, u.role, u.status, tf.level as thread_level,
      coalesce(cf.level, case when ${params.watchedByDefault} then 'watching'::follow_level end) as channel_level,
      (m.user_id is not null) as is_mentioned, s.delivery
    from ids
      join users u on u.id = ids.user_id
      left join tf on tf.user_id = u.id
      left join cf on cf.user_id = u.id
      left join m on m.user_id = u.id
      left join notification_settings s on s.user_id = u.id`);
  return result.rows.map((row) => ({
    userId: row.user_id,
    role: row.role,
    status: row.status,
    threadLevel: row.thread_level,
    channelLevel: row.channel_level,
    isMentioned: row.is_mentioned,
    delivery: row.delivery,
  }));
}

/** Accounts and their delivery preferences, for notifications addressed to given members. */
export async function findRecipients(db: DbOrTx, userIds: string[]) {
  if (userIds.length === 0) return [];
  return db
    .select({ userId: users.id, role: users.role, status: users.status, delivery: notificationSettings.delivery })
    .from(users)
    .leftJoin(notificationSettings, eq(notificationSettings.userId, users.id))
    .where(inArray(users.id, userIds));
}

const actors = alias(users, "actor");

/**
 * A notification with what its text and its permission check need, read at delivery time (the
 * thread's current title and channel, the post's current state), never copied at creation.
 */
const itemColumns = {
  notification: notifications,
  atKey: timestampKey(notifications.createdAt),
  actorName: actors.name,
  actorRole: actors.role,
  thread: {
    id: threads.id,
    title: threads.title,
    slug: threads.slug,
    kind: threads.kind,
    isLocked: threads.isLocked,
    deletedAt: threads.deletedAt,
  },
  channel: { slug: channels.slug, name: channels.name, visibility: channels.visibility, kind: channels.kind },
  post: {
    number: posts.number,
    authorId: posts.authorId,
    deletedAt: posts.deletedAt,
    hiddenAt: posts.hiddenAt,
    bodyText: sql<string>`left(${posts.bodyText}, 300)`,
  },
};

function selectItems(db: DbOrTx) {
  return db
    .select(itemColumns)
    .from(notifications)
    .leftJoin(actors, eq(actors.id, notifications.actorId))
    .leftJoin(threads, eq(threads.id, notifications.threadId))
    .leftJoin(channels, eq(channels.id, threads.channelId))
    .leftJoin(posts, eq(posts.id, notifications.postId));
}

export type NotificationRow = Awaited<ReturnType<typeof loadNotificationItems>>[number];

/** Given notifications with their context (delivery jobs, e-mails). */
export async function loadNotificationItems(db: DbOrTx, ids: number[]) {
  if (ids.length === 0) return [];
  return selectItems(db).where(inArray(notifications.id, ids)).orderBy(desc(notifications.id));
}

/** A member's bell, newest first, by keyset pages. */
export async function listNotificationItems(
  db: DbOrTx,
  params: { userId: string; cursor?: string | null; limit?: number },
) {
  const limit = params.limit ?? 30;
  const rows = await selectItems(db)
    .where(
      and(
        eq(notifications.userId, params.userId),
        // Literal, not a parameter: the planner can then use the partial unread index.
        sql`${notifications.inBell}`,
        afterKeyset(notifications.createdAt, notifications.id, decodeKeyset(params.cursor, "integer"), "desc"),
      ),
    )
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(limit + 1);
  return toKeysetPage(rows, limit, (last) => encodeKeyset({ at: last.atKey, id: last.notification.id }));
}

/**
 * A member's latest unread bell notifications with what the permission check needs (bounded:
 * the bell shows "99+" past that). The partial index on unread rows keeps this cheap.
 */
export async function listUnreadForCount(db: DbOrTx, params: { userId: string; limit: number }) {
  // The unread rows first (any `limit` of them: a count needs no order), joined after: otherwise
  // the planner may walk a thread's notifications to join, not the member's few unread ones.
  const unread = db
    .select({ threadId: notifications.threadId })
    .from(notifications)
    // `in_bell` as a literal predicate, so the partial index on unread bell rows applies.
    .where(and(eq(notifications.userId, params.userId), isNull(notifications.readAt), sql`${notifications.inBell}`))
    .limit(params.limit)
    .as("unread");
  return db
    .select({
      threadDeletedAt: threads.deletedAt,
      threadIsLocked: threads.isLocked,
      hasThread: sql<boolean>`${unread.threadId} is not null`,
      visibility: channels.visibility,
      channelKind: channels.kind,
    })
    .from(unread)
    .leftJoin(threads, eq(threads.id, unread.threadId))
    .leftJoin(channels, eq(channels.id, threads.channelId));
}

/** Marks a member's notifications read: some (by id), those of one thread, or all. Returns how many changed. */
export async function markNotificationsRead(
  db: DbOrTx,
  params: { userId: string; ids?: number[]; threadId?: number; upToPostNumber?: number },
): Promise<number> {
  const rows = await db
    .update(notifications)
    .set({ readAt: new Date() })
    .where(
      and(
        eq(notifications.userId, params.userId),
        isNull(notifications.readAt),
        params.ids ? inArray(notifications.id, params.ids) : undefined,
        params.threadId !== undefined ? eq(notifications.threadId, params.threadId) : undefined,
        // Only what the reader has been shown: a notification of a later post stays unread.
        params.upToPostNumber !== undefined
          ? sql`(${notifications.postId} is null or ${notifications.postId} in (select ${posts.id} from ${posts} where ${posts.threadId} = ${notifications.threadId} and ${posts.number} <= ${params.upToPostNumber}))`
          : undefined,
      ),
    )
    .returning({ id: notifications.id });
  return rows.length;
}
