import { sql } from "drizzle-orm";
import type { DbOrTx } from "../client";

export type NudgeCandidate = { userId: string; name: string; email: string; locale: string | null };

/**
 * Members who have gone quiet: no check-in since `checkinSince` (two weeks ago), no sign of a
 * visit since `seenSince` (ten days: a thread read, a post, a check-in, an answer to an
 * activity), who have not turned e-mails off (digest `never`) and were not nudged in a week
 * from `nudgedSinceWeek` on (periods `nudge:<week start>` compare as dates, on the job's own
 * clock). Accounts younger than the quiet period are left alone.
 */
export async function listMembersToNudge(
  db: DbOrTx,
  params: { checkinSince: string; seenSince: Date; nudgedSinceWeek: string; limit: number },
): Promise<NudgeCandidate[]> {
  const seenSince = params.seenSince.toISOString();
  const result = await db.execute(sql`
    select u.id as "userId", u.name, u.email, u.locale
    from users u
    left join notification_settings s on s.user_id = u.id
    where u.role = 'member' and u.status = 'active' and u.created_at < ${seenSince}::timestamptz
      and coalesce(s.digest::text, 'weekly') <> 'never'
      and not exists (
        select 1 from checkins c join checkin_weeks w on w.id = c.week_id
        where c.user_id = u.id and w.week_start >= ${params.checkinSince}::date)
      and not exists (select 1 from thread_reads r where r.user_id = u.id and r.updated_at >= ${seenSince}::timestamptz)
      and not exists (select 1 from posts p where p.author_id = u.id and p.created_at >= ${seenSince}::timestamptz)
      and not exists (select 1 from activity_rsvps a where a.user_id = u.id and a.responded_at >= ${seenSince}::timestamptz)
      and not exists (
        select 1 from digest_deliveries d
        where d.user_id = u.id and d.period like 'nudge:%' and d.sent_at is not null
          and d.period >= ${`nudge:${params.nudgedSinceWeek}`})
    order by u.created_at
    limit ${params.limit}
  `);
  return result.rows as NudgeCandidate[];
}

/** What moved in the community since a date: new offers, and the next activity with places. */
export async function readCommunityNews(db: DbOrTx, params: { since: Date; now: Date }) {
  const result = await db.execute(sql`
    select
      (select count(*)::int from threads t join channels c on c.id = t.channel_id
        where c.kind = 'offers' and t.deleted_at is null and t.created_at >= ${params.since.toISOString()}::timestamptz) as "newOffers",
      (select count(*)::int from threads t join channels c on c.id = t.channel_id
        where c.visibility <> 'staff' and t.deleted_at is null and t.created_at >= ${params.since.toISOString()}::timestamptz) as "newThreads",
      (select json_build_object('id', a.id, 'title', a.title, 'startsAt', a.starts_at) from activities a
        where a.status = 'published' and a.starts_at > ${params.now.toISOString()}::timestamptz
        order by a.starts_at limit 1) as "nextActivity"
  `);
  return result.rows[0] as {
    newOffers: number;
    newThreads: number;
    nextActivity: { id: number; title: string; startsAt: string } | null;
  };
}
