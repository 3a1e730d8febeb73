import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "../client";

type Row = Record<string, unknown>;

/**
 * Every area of a member's export (README "Export: files and fields"): one statement each, with
 * stable field names (the JSON keys are the SQL aliases below). Secrets are never selected: no
 * password hash, no token hash or prefix, no push keys.
 */
const AREAS = {
  profile: (u: string) => sql`
    select id, name, email, role, status, headline, bio, organisation, seeking, location, expertise,
      locale, email_verified as "emailVerifiedAt", created_at as "createdAt", last_seen_at as "lastSignInAt"
    from users where id = ${u}`,
  posts: (u: string) => sql`
    select p.id, p.thread_id as "threadId", t.title as "threadTitle", c.slug as "channel", p.number,
      p.number = 1 as "isOpeningPost", p.reply_to_id as "replyToId", p.body_text as "text",
      p.created_at as "createdAt", p.edited_at as "editedAt", p.deleted_at as "deletedAt",
      p.hidden_at as "hiddenAt", p.hidden_reason as "hiddenReason"
    from posts p join threads t on t.id = p.thread_id join channels c on c.id = t.channel_id
    where p.author_id = ${u} order by p.created_at, p.id`,
  drafts: (u: string) => sql`
    select target, payload, updated_at as "updatedAt" from drafts where user_id = ${u} order by updated_at`,
  reactions: (u: string) => sql`
    select r.post_id as "postId", t.title as "threadTitle", r.emoji, r.created_at as "createdAt"
    from reactions r join posts p on p.id = r.post_id join threads t on t.id = p.thread_id
    where r.user_id = ${u} order by r.created_at`,
  "review-requests": (u: string) => sql`
    select rr.thread_id as "threadId", t.title as "threadTitle", rr.doc_kind as "docKind", rr.target,
      rr.feedback_wanted as "feedbackWanted", rr.resolved_at as "resolvedAt", rr.created_at as "createdAt",
      coalesce((select json_agg(json_build_object('number', v.number, 'fileId', v.file_id,
        'letterText', v.letter_text, 'createdAt', v.created_at) order by v.number)
        from review_versions v where v.thread_id = rr.thread_id), '[]'::json) as versions
    from review_requests rr join threads t on t.id = rr.thread_id
    where t.author_id = ${u} order by rr.created_at`,
  "feedback-given": (u: string) => sql`
    select f.post_id as "postId", t.title as "threadTitle", f.scores, p.body_text as "text", f.created_at as "createdAt"
    from review_feedback f join posts p on p.id = f.post_id join threads t on t.id = f.thread_id
    where f.author_id = ${u} order by f.created_at`,
  "feedback-received": (u: string) => sql`
    select f.post_id as "postId", t.title as "threadTitle", f.scores, p.body_text as "text",
      a.name as "reviewerName", f.created_at as "createdAt"
    from review_feedback f join posts p on p.id = f.post_id join threads t on t.id = f.thread_id
      join users a on a.id = f.author_id
    where t.author_id = ${u} order by f.created_at`,
  "page-comments": (u: string) => sql`
    select pc.post_id as "postId", t.title as "threadTitle", pc.page, pc.rect, p.body_text as "text",
      pc.created_at as "createdAt"
    from review_page_comments pc join posts p on p.id = pc.post_id join threads t on t.id = pc.thread_id
    where p.author_id = ${u} order by pc.created_at`,
  pitches: (u: string) => sql`
    select t.id as "threadId", t.title, p.body_text as "text", t.created_at as "createdAt"
    from threads t join channels c on c.id = t.channel_id join posts p on p.thread_id = t.id and p.number = 1
    where t.author_id = ${u} and c.kind = 'pitch' order by t.created_at`,
  offers: (u: string) => sql`
    select o.thread_id as "threadId", t.title, o.origin, o.organisation, o.contract, o.city, o.department,
      o.work_mode as "workMode", o.salary_min as "salaryMin", o.salary_max as "salaryMax",
      o.start_date as "startDate", o.deadline, o.how_to_apply as "howToApply", o.source_url as "sourceUrl",
      o.published_at as "publishedAt", o.filled_at as "filledAt"
    from job_offers o join threads t on t.id = o.thread_id where t.author_id = ${u} order by o.published_at`,
  applications: (u: string) => sql`
    select a.thread_id as "offerThreadId", t.title as "offerTitle", a.status, a.applied_on as "appliedOn",
      a.interview_on as "interviewOn", a.decided_on as "decidedOn", a.note, a.created_at as "createdAt",
      a.updated_at as "updatedAt"
    from offer_applications a join threads t on t.id = a.thread_id where a.user_id = ${u} order by a.created_at`,
  checkins: (u: string) => sql`
    select w.week_start as "weekStart", c.goals, c.review, c.good_news as "goodNews", c.difficulty,
      c.help_wanted as "helpWanted", c.staff_only as "staffOnly", c.created_at as "createdAt"
    from checkins c join checkin_weeks w on w.id = c.week_id where c.user_id = ${u} order by w.week_start`,
  rsvps: (u: string) => sql`
    select a.id as "activityId", a.title as "activityTitle", a.starts_at as "startsAt", r.response,
      r.attendance, r.responded_at as "respondedAt"
    from activity_rsvps r join activities a on a.id = r.activity_id where r.user_id = ${u} order by a.starts_at`,
  "activities-hosted": (u: string) => sql`
    select id, title, description, kind, starts_at as "startsAt", place, status, created_at as "createdAt"
    from activities where host_id = ${u} order by starts_at`,
  "notification-preferences": (u: string) => sql`
    select (select row_to_json(s) from (select delivery, digest, quiet_start as "quietStart",
        quiet_end as "quietEnd", time_zone as "timeZone" from notification_settings where user_id = ${u}) s) as settings,
      coalesce((select json_agg(json_build_object('channel', c.slug, 'level', f.level))
        from channel_follows f join channels c on c.id = f.channel_id where f.user_id = ${u}), '[]'::json) as "channelFollows",
      coalesce((select json_agg(json_build_object('threadId', f.thread_id, 'level', f.level))
        from thread_follows f where f.user_id = ${u}), '[]'::json) as "threadFollows",
      coalesce((select json_agg(json_build_object('query', s.query, 'createdAt', s.created_at))
        from saved_offer_searches s where s.user_id = ${u}), '[]'::json) as "savedOfferSearches"`,
  requests: (u: string) => sql`
    select 'admission' as kind, answers::text as details, status::text, created_at as "createdAt"
      from admission_requests where user_id = ${u}
    union all
    select 'pro', json_build_object('organisation', organisation, 'jobTitle', job_title, 'proofUrl', proof_url)::text,
      status::text, created_at from pro_requests where user_id = ${u}`,
  // Each signed-in device: the sign-in history (when, which browser, until when).
  "sign-ins": (u: string) => sql`
    select created_at as "signedInAt", user_agent as "userAgent", last_seen_at as "lastSeenAt",
      revoked_at as "signedOutAt"
    from user_sessions where user_id = ${u} order by created_at`,
  outcomes: (u: string) => sql`
    select kind, is_ess as "isEss", organisation, starts_on as "startsOn", sharing,
      withdrawn_at as "withdrawnAt", created_at as "createdAt", updated_at as "updatedAt"
    from outcomes where user_id = ${u} order by starts_on`,
  survey: (u: string) => sql`
    select due_on as "dueOn", basis, invited_at as "invitedAt", reminded_at as "remindedAt",
      answered_at as "answeredAt", question_version as "questionVersion", situation, satisfaction, helped, comment
    from surveys where user_id = ${u}`,
  cohorts: (u: string) => sql`
    select c.name, c.territory, c.starts_on as "startsOn", c.ends_on as "endsOn", m.placed_at as "joinedAt"
    from cohort_members m join cohorts c on c.id = m.cohort_id where m.user_id = ${u}`,
  messages: (u: string) => sql`
    select m.conversation_id as "conversationId", m.number, m.body_text as text, m.created_at as "createdAt",
      m.edited_at as "editedAt", m.deleted_at as "deletedAt",
      coalesce((select json_agg(f.file_id order by f.created_at) from conversation_message_files f
        where f.message_id = m.id), '[]'::json) as "fileIds"
    from conversation_messages m where m.author_id = ${u} order by m.created_at`,
  "message-reactions": (u: string) => sql`
    select m.conversation_id as "conversationId", m.number, r.emoji, r.created_at as "createdAt"
    from conversation_message_reactions r join conversation_messages m on m.id = r.message_id
    where r.user_id = ${u} order by r.created_at`,
  "api-tokens": (u: string) => sql`
    select name, created_at as "createdAt", last_used_at as "lastUsedAt", revoked_at as "revokedAt"
    from api_tokens where user_id = ${u} order by created_at`,
  files: (u: string) => sql`
    select id, original_name as "originalName", content_type as "contentType", byte_size as "byteSize",
      created_at as "createdAt", storage_key as "storageKey"
    from stored_files where owner_id = ${u} order by created_at`,
} satisfies Record<string, (userId: string) => SQL>;

export type ExportArea = keyof typeof AREAS;
export const EXPORT_AREAS = Object.keys(AREAS) as ExportArea[];

/** Every area's rows for one member (one statement per area, whatever the amount of data). */
export async function collectMemberData(
  db: DbOrTx,
  { userId }: { userId: string },
): Promise<Record<ExportArea, Row[]>> {
  const result = {} as Record<ExportArea, Row[]>;
  for (const area of EXPORT_AREAS) {
    result[area] = ((await db.execute(AREAS[area](userId))) as unknown as { rows: Row[] }).rows;
  }
  return result;
}
