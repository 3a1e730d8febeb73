import "server-only";
import { param, sql } from "drizzle-orm";
import type { DbOrTx } from "../client";
import { insertAudit } from "./audit";

/** What happens to the member's posts: kept under "Ancien membre" (default) or deleted. */
export type ErasurePostsMode = "anonymise" | "delete";

export const ERASED_MEMBER_NAME = "Ancien membre";
const EMPTY_DOC = JSON.stringify({ type: "doc", content: [] });

/** The tables whose rows are the member's own and leave with the account, whatever the mode. */
const OWN_ROWS = [
  "user_tokens",
  "user_sessions",
  "user_recovery_codes",
  "conversation_participants",
  "messaging_settings",
  "cohort_members",
  "outcomes",
  "surveys",
  "drafts",
  "mentions",
  "reactions",
  "conversation_message_reactions",
  "thread_reads",
  "admission_requests",
  "pro_requests",
  "offer_applications",
  "api_tokens",
  "channel_follows",
  "thread_follows",
  "digest_deliveries",
  "notification_settings",
  "notifications",
  "push_subscriptions",
  "saved_offer_searches",
  "activity_rsvps",
  "calendar_feeds",
  "checkins",
  "data_exports",
] as const;

type Rows<T> = { rows: T[] };

/**
 * Erases an account in one transaction (README "Erasure"): the row stays as a tombstone named
 * "Ancien membre" (no e-mail, password, profile; sessions void), every private row goes, files
 * rows go (their storage keys are returned, to delete after commit), audit rows about the member
 * keep the action but lose their details, and the posts stay (anonymised) or lose their text.
 * Returns null when there is no such account or it was already erased.
 */
export async function eraseAccount(
  db: DbOrTx,
  params: {
    userId: string;
    actorId: string;
    mode: ErasurePostsMode;
    reason: string | null;
    /** `retention`: anonymised after 3 years without signing in (README "Retention"). */
    origin?: "member" | "staff" | "retention";
    /** Rate-limit keys naming the member (their e-mail's sign-in key, per-action keys). */
    rateLimitKeys: string[];
  },
): Promise<{ storageKeys: string[] } | null> {
  const u = params.userId;
  return db.transaction(async (tx) => {
    const locked = (await tx.execute(
      sql`select id from users where id = ${u} and erased_at is null for update`,
    )) as unknown as Rows<{ id: string }>;
    if (locked.rows.length === 0) return null;

    const files = (await tx.execute(sql`
      select storage_key as key from stored_files where owner_id = ${u}
      union all
      select storage_key as key from data_exports where user_id = ${u} and storage_key is not null
    `)) as unknown as Rows<{ key: string }>;

    if (params.mode === "delete") await deletePostsOf(tx, u);

    // Letters pasted into the member's own review requests are documents like the PDFs.
    await tx.execute(sql`
      update review_versions set letter_text = null
      where thread_id in (select id from threads where author_id = ${u})`);
    // Files: review versions keep their row (set null), attachments go with the file row.
    await tx.execute(sql`delete from stored_files where owner_id = ${u}`);
    for (const table of OWN_ROWS) {
      await tx.execute(sql`delete from ${sql.identifier(table)} where user_id = ${u}`);
    }
    await tx.execute(sql`delete from reports where reporter_id = ${u}`);
    // Private messages are private data: emptied whatever the posts mode (the other participants
    // see "message supprimé"); blocks, reports naming the member (their context holds the
    // messages) and buddy pairs go.
    await tx.execute(sql`
      delete from conversation_message_revisions
      where message_id in (select id from conversation_messages where author_id = ${u})`);
    await tx.execute(sql`
      update conversation_messages set body = '{"type":"doc","content":[]}'::jsonb, body_html = '', body_text = '',
        deleted_at = coalesce(deleted_at, now())
      where author_id = ${u}`);
    // Who opened a conversation is the member's trace too (the conversation stays for the others).
    await tx.execute(sql`update conversations set created_by_id = null where created_by_id = ${u}`);
    await tx.execute(sql`delete from user_blocks where blocker_id = ${u} or blocked_id = ${u}`);
    await tx.execute(sql`delete from message_reports where reporter_id = ${u} or reported_user_id = ${u}`);
    await tx.execute(sql`delete from buddy_pairs where newcomer_id = ${u} or buddy_id = ${u}`);
    // Per-member limits are keyed `<action>:<user id>`; sign-in failures by a hash of the e-mail.
    await tx.execute(sql`
      delete from rate_limit_events
      where key like ${`%:${u}`} or key = any(${param(params.rateLimitKeys)}::text[])`);
    // The audit log keeps who did what and when, not what it said about the member.
    await tx.execute(sql`update audit_log set reason = null, details = '{}'::jsonb where target_user_id = ${u}`);
    await tx.execute(sql`
      update users set
        name = ${ERASED_MEMBER_NAME}, email = ${`erased-${u}@erased.invalid`}, email_verified = null,
        image = null, password_hash = null, status = 'suspended', session_version = session_version + 1,
        headline = null, bio = null, organisation = null, seeking = null, location = null,
        expertise = '{}'::text[], locale = null, suspended_until = null, suspension_reason = null,
        last_seen_at = null, inactivity_reminded_at = null, erased_at = now(), updated_at = now(),
        totp_secret = null, totp_enabled_at = null, totp_last_step = null
      where id = ${u}`);
    await insertAudit(tx, {
      actorId: params.actorId,
      action: "user.erase",
      targetType: "user",
      targetId: u,
      targetUserId: u,
      reason: params.reason,
      details: { posts: params.mode, origin: params.origin ?? (params.actorId === u ? "member" : "staff") },
    });
    return { storageKeys: files.rows.map((row) => row.key) };
  });
}

/**
 * The "delete my posts" choice: posts and threads are soft-deleted (replies of others keep their
 * place and numbering) and lose their text, revisions, rubric scores, offers' contact fields and
 * the activities the member hosted; the typo index forgets words only their titles held.
 */
async function deletePostsOf(tx: DbOrTx, u: string): Promise<void> {
  await tx.execute(sql`
    delete from search_words sw
    where sw.word in (
      select distinct w from threads t, regexp_split_to_table(t.title_key, '[^[:alnum:]]+') as w
      where t.author_id = ${u})
      and not exists (
        select 1 from threads t2 where t2.author_id <> ${u} and position(sw.word in t2.title_key) > 0)`);
  await tx.execute(sql`delete from post_revisions where post_id in (select id from posts where author_id = ${u})`);
  await tx.execute(sql`delete from review_feedback where author_id = ${u}`);
  await tx.execute(
    sql`delete from review_page_comments where post_id in (select id from posts where author_id = ${u})`,
  );
  await tx.execute(sql`
    delete from notifications where post_id in (select id from posts where author_id = ${u})
      or thread_id in (select id from threads where author_id = ${u})
      or payload->>'activityId' in (select id::text from activities where host_id = ${u})`);
  await tx.execute(sql`delete from activities where host_id = ${u}`);
  await tx.execute(sql`
    update posts set body = ${EMPTY_DOC}::jsonb, body_text = '', body_html = '', idempotency_key = null,
      deleted_at = coalesce(deleted_at, now())
    where author_id = ${u}`);
  await tx.execute(sql`
    update review_requests set target = '', feedback_wanted = ''
    where thread_id in (select id from threads where author_id = ${u})`);
  await tx.execute(sql`
    update job_offers set organisation = '', city = '', how_to_apply = '', source_url = null
    where thread_id in (select id from threads where author_id = ${u})`);
  await tx.execute(sql`
    update threads set title = 'Fil supprimé', slug = 'fil-supprime-' || id, excerpt = '',
      deleted_at = coalesce(deleted_at, now())
    where author_id = ${u}`);
}
