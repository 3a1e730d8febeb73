import { sql } from "drizzle-orm";
import type { DbOrTx } from "../client";

/** A thread as the week's sections list it. */
export type ThreadRef = {
  id: number;
  slug: string;
  title: string;
  channelSlug: string;
  channelName: string;
  channelNameEn: string | null;
};

export type MyWeekRow = {
  checkedIn: boolean;
  /** Week starts with a check-in, newest first (the streak). */
  checkinWeeks: string[];
  myActivities: {
    id: number;
    title: string;
    startsAt: string;
    place: string;
    response: string | null;
    isHost: boolean;
  }[];
  openActivities: { id: number; title: string; startsAt: string; place: string; placesLeft: number | null }[];
  myReviews: (ThreadRef & { replyCount: number; unread: number })[];
  unreadFollowed: (ThreadRef & { unread: number })[];
  waitingReviews: (ThreadRef & { createdAt: string })[];
  trending: (ThreadRef & { recentPosts: number })[];
  /** New offers matching a saved search, not read yet. */
  offerMatches: ThreadRef[];
  /** Invited to the six-month survey and not answered yet. */
  surveyDue: boolean;
  onboarding: {
    profileDone: boolean;
    introduced: boolean;
    checkedInOnce: boolean;
    reviewed: boolean;
    joinedActivity: boolean;
    welcomeMessage: string | null;
  };
};

/**
 * Everything the member's home page ("Ma semaine") shows, in one statement: the home page keeps
 * its query budget whatever the member's activity. Staff channels count only for `isStaff`.
 */
export async function readMyWeek(
  db: DbOrTx,
  params: { userId: string; isStaff: boolean; weekStart: string; now: Date },
): Promise<MyWeekRow> {
  const { userId, isStaff, weekStart } = params;
  const now = params.now.toISOString();
  // Archived channels leave "my week" (their threads stay readable by link).
  const readable = sql`(c.visibility <> 'staff' or ${isStaff}) and c.archived_at is null`;
  const threadRef = sql`'id', t.id, 'slug', t.slug, 'title', t.title, 'channelSlug', c.slug, 'channelName', c.name, 'channelNameEn', c.name_en`;
  const result = await db.execute(sql`
    select
      exists (
        select 1 from checkins ci join checkin_weeks w on w.id = ci.week_id
        where ci.user_id = ${userId} and w.week_start = ${weekStart}::date
      ) as "checkedIn",
      coalesce((
        select json_agg(s.week_start order by s.week_start desc) from (
          select w.week_start::text as week_start from checkins ci join checkin_weeks w on w.id = ci.week_id
          where ci.user_id = ${userId} order by w.week_start desc limit 60
        ) s
      ), '[]') as "checkinWeeks",
      coalesce((
        select json_agg(json_build_object('id', s.id, 'title', s.title, 'startsAt', s.starts_at, 'place', s.place,
          'response', s.response, 'isHost', s.is_host) order by s.starts_at) from (
          select a.id, a.title, a.starts_at, a.place, r.response, a.host_id = ${userId} as is_host
          from activities a left join activity_rsvps r on r.activity_id = a.id and r.user_id = ${userId}
          where a.status = 'published' and a.ends_at > ${now}::timestamptz
            and (a.host_id = ${userId} or r.response in ('going', 'waitlisted', 'maybe'))
          order by a.starts_at limit 3
        ) s
      ), '[]') as "myActivities",
      coalesce((
        select json_agg(json_build_object('id', s.id, 'title', s.title, 'startsAt', s.starts_at, 'place', s.place,
          'placesLeft', s.places_left) order by s.starts_at) from (
          select a.id, a.title, a.starts_at, a.place,
            a.capacity - (select count(*) from activity_rsvps g where g.activity_id = a.id and g.response = 'going') as places_left
          from activities a
          where a.status = 'published' and a.starts_at > ${now}::timestamptz and a.host_id <> ${userId}
            and not exists (select 1 from activity_rsvps r where r.activity_id = a.id and r.user_id = ${userId})
          order by a.starts_at limit 6
        ) s where s.places_left is null or s.places_left > 0
      ), '[]') as "openActivities",
      coalesce((
        select json_agg(json_build_object(${threadRef}, 'replyCount', t.reply_count,
          'unread', greatest(t.last_post_number - coalesce(tr.last_read_number, 1), 0)) order by t.last_activity_at desc)
        from (select * from threads where author_id = ${userId} and kind in ('review', 'pitch') and deleted_at is null
              order by last_activity_at desc limit 3) t
        join channels c on c.id = t.channel_id and c.archived_at is null
        left join thread_reads tr on tr.thread_id = t.id and tr.user_id = ${userId}
      ), '[]') as "myReviews",
      coalesce((
        select json_agg(json_build_object(${threadRef}, 'unread', t.unread) order by t.last_activity_at desc) from (
          select th.*, th.last_post_number - coalesce(tr.last_read_number, 0) as unread
          from thread_follows f
          join threads th on th.id = f.thread_id and th.deleted_at is null
          left join thread_reads tr on tr.thread_id = th.id and tr.user_id = ${userId}
          where f.user_id = ${userId} and f.level <> 'muted'
            and th.last_post_number > coalesce(tr.last_read_number, 0)
            and not (th.author_id = ${userId} and th.kind in ('review', 'pitch'))
          order by th.last_activity_at desc limit 4
        ) t join channels c on c.id = t.channel_id and ${readable}
      ), '[]') as "unreadFollowed",
      coalesce((
        select json_agg(json_build_object(${threadRef}, 'createdAt', t.created_at) order by t.created_at) from (
          select th.* from threads th join review_requests rr on rr.thread_id = th.id and rr.resolved_at is null
          where th.kind in ('review', 'pitch') and th.deleted_at is null and th.reply_count = 0
            and th.author_id <> ${userId} and th.created_at < ${now}::timestamptz - interval '48 hours'
          order by th.created_at limit 3
        ) t join channels c on c.id = t.channel_id and c.archived_at is null
      ), '[]') as "waitingReviews",
      coalesce((
        select json_agg(json_build_object(${threadRef}, 'recentPosts', p.n) order by p.n desc, t.id desc) from (
          select thread_id, count(*)::int as n from posts
          where created_at > ${now}::timestamptz - interval '7 days' and deleted_at is null and hidden_at is null
          group by thread_id order by count(*) desc limit 10
        ) p join threads t on t.id = p.thread_id and t.deleted_at is null
        join channels c on c.id = t.channel_id and ${readable}
      ), '[]') as "trending",
      coalesce((
        select json_agg(json_build_object(${threadRef}) order by t.last_activity_at desc) from (
          select distinct th.* from notifications n join threads th on th.id = n.thread_id and th.deleted_at is null
          where n.user_id = ${userId} and n.kind = 'offer_match' and n.read_at is null
          order by th.last_activity_at desc limit 3
        ) t join channels c on c.id = t.channel_id and c.archived_at is null
      ), '[]') as "offerMatches",
      exists (select 1 from surveys s where s.user_id = ${userId} and s.answered_at is null) as "surveyDue",
      json_build_object(
        'profileDone', (select u.headline is not null and u.seeking is not null and u.location is not null from users u where u.id = ${userId}),
        'introduced', exists (select 1 from posts p join threads t on t.id = p.thread_id join channels c on c.id = t.channel_id
          where p.author_id = ${userId} and c.slug = 'programme' and p.deleted_at is null),
        'checkedInOnce', exists (select 1 from checkins where user_id = ${userId}),
        'reviewed', exists (select 1 from threads where author_id = ${userId} and kind in ('review', 'pitch') and deleted_at is null)
          or exists (select 1 from review_feedback where author_id = ${userId}),
        'joinedActivity', exists (select 1 from activity_rsvps where user_id = ${userId} and response in ('going', 'waitlisted', 'maybe')),
        'welcomeMessage', (select decision_message from admission_requests where user_id = ${userId} and status = 'approved')
      ) as "onboarding"
  `);
  const row = result.rows[0] as Record<string, unknown>;
  const trending = (row.trending as MyWeekRow["trending"]).slice(0, 4);
  return { ...(row as unknown as MyWeekRow), trending };
}
