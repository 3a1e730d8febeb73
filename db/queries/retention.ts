import "server-only";
import { sql } from "drizzle-orm";
import type { DbOrTx } from "../client";

type Rows<T> = { rows: T[] };

/** A review request's last update: its newest version, or the request itself. */
const LAST_UPDATE = sql.raw(
  `coalesce((select max(v.created_at) from review_versions v where v.thread_id = rr.thread_id), rr.created_at)`,
);

/** Only CVs and letters, whose author is not erased, that still hold a file or a pasted letter. */
const HOLDS_DOCUMENT = sql.raw(`rr.doc_kind in ('cv', 'letter') and rr.files_expired_at is null
  and u.erased_at is null and t.deleted_at is null
  and exists (select 1 from review_versions v where v.thread_id = rr.thread_id
    and (v.file_id is not null or v.letter_text is not null))`);

export type RetentionDocument = {
  threadId: number;
  title: string;
  slug: string;
  channelSlug: string;
  userId: string;
  name: string;
  email: string;
  locale: string | null;
};

/** CVs and letters not updated since `before` and not reminded since their last update. */
export async function listDocumentsToRemind(db: DbOrTx, { before }: { before: Date }): Promise<RetentionDocument[]> {
  const result = (await db.execute(sql`
    select rr.thread_id as "threadId", t.title, t.slug, c.slug as "channelSlug", u.id as "userId", u.name,
      u.email, u.locale
    from review_requests rr join threads t on t.id = rr.thread_id join users u on u.id = t.author_id
      join channels c on c.id = t.channel_id
    where ${HOLDS_DOCUMENT} and ${LAST_UPDATE} <= ${before}
      and (rr.retention_reminded_at is null or rr.retention_reminded_at < ${LAST_UPDATE})
    order by rr.thread_id limit 500`)) as unknown as Rows<RetentionDocument>;
  return result.rows;
}

export async function markDocumentReminded(db: DbOrTx, { threadId, at }: { threadId: number; at: Date }) {
  await db.execute(sql`update review_requests set retention_reminded_at = ${at} where thread_id = ${threadId}`);
}

/**
 * Deletes the files and pasted letters of CVs and letters not updated since `before`, in one
 * transaction: the rows go (versions keep their place), `files_expired_at` notes it for the
 * thread page. Returns the storage keys to remove after commit. A second run finds nothing.
 */
export async function expireOldDocuments(
  db: DbOrTx,
  { before, at }: { before: Date; at: Date },
): Promise<{ threadIds: number[]; storageKeys: string[] }> {
  return db.transaction(async (tx) => {
    const expired = (await tx.execute(sql`
      update review_requests rr set files_expired_at = ${at}
      from threads t join users u on u.id = t.author_id
      where t.id = rr.thread_id and ${HOLDS_DOCUMENT} and ${LAST_UPDATE} <= ${before}
      returning rr.thread_id as "threadId"`)) as unknown as Rows<{ threadId: number }>;
    const threadIds = expired.rows.map((row) => Number(row.threadId));
    if (threadIds.length === 0) return { threadIds, storageKeys: [] };
    const ids = sql.join(
      threadIds.map((id) => sql`${id}`),
      sql`, `,
    );
    const files = (await tx.execute(sql`
      delete from stored_files where id in (select file_id from review_versions where thread_id in (${ids}))
      returning storage_key as key`)) as unknown as Rows<{ key: string }>;
    await tx.execute(sql`update review_versions set letter_text = null where thread_id in (${ids})`);
    return { threadIds, storageKeys: files.rows.map((row) => row.key) };
  });
}

/** Rate-limit rows (failed sign-ins included) older than `before`. */
export async function purgeOldRateLimitEvents(db: DbOrTx, { before }: { before: Date }): Promise<number> {
  const result = (await db.execute(
    sql`delete from rate_limit_events where created_at < ${before} returning id`,
  )) as unknown as Rows<{ id: number }>;
  return result.rows.length;
}

export type InactiveAccount = { id: string; name: string; email: string; locale: string | null };

/** Members (not staff) with no sign-in since `before` who were not reminded since. */
export async function listInactiveToRemind(db: DbOrTx, { before }: { before: Date }): Promise<InactiveAccount[]> {
  const result = (await db.execute(sql`
    select id, name, email, locale from users
    where erased_at is null and role in ('member', 'pro') and coalesce(last_seen_at, created_at) <= ${before}
      and (inactivity_reminded_at is null or inactivity_reminded_at < coalesce(last_seen_at, created_at))
    order by id limit 500`)) as unknown as Rows<InactiveAccount>;
  return result.rows;
}

export async function markInactivityReminded(db: DbOrTx, { userId, at }: { userId: string; at: Date }) {
  await db.execute(sql`update users set inactivity_reminded_at = ${at} where id = ${userId}`);
}

/** Reminded at least `remindedBefore`, with no sign-in since the reminder: to anonymise. */
export async function listInactiveToAnonymise(
  db: DbOrTx,
  { before, remindedBefore }: { before: Date; remindedBefore: Date },
): Promise<{ id: string; email: string }[]> {
  const result = (await db.execute(sql`
    select id, email from users
    where erased_at is null and role in ('member', 'pro') and coalesce(last_seen_at, created_at) <= ${before}
      and inactivity_reminded_at is not null and inactivity_reminded_at <= ${remindedBefore}
      and inactivity_reminded_at >= coalesce(last_seen_at, created_at)
    order by id limit 100`)) as unknown as Rows<{ id: string; email: string }>;
  return result.rows;
}

/** A successful sign-in: the account is active again (inactivity reminder forgotten). */
export async function touchLastSeen(db: DbOrTx, { userId }: { userId: string }) {
  await db.execute(sql`update users set last_seen_at = now(), inactivity_reminded_at = null where id = ${userId}`);
}
