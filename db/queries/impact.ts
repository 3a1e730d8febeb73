import { param, sql, type SQL } from "drizzle-orm";
import type { OutcomeKind, OutcomeSharing } from "@/lib/domain/outcomes";
import type { DbOrTx } from "../client";

/**
 * The facilitators' Impact dashboard: a few set-based queries, each over the same population
 * (members — role `member`, admitted — optionally of one cohort) and period (Paris calendar days,
 * both ends included). Every figure is recomputed independently in impact.test.ts.
 *
 * Sharing: counts include every active declaration (anonymous totals); rows that name a member
 * (`listNamedOutcomes`, `listMembersWithContext`) only carry declarations shared with the
 * facilitators or the community.
 */
export type ImpactFilter = {
  cohortId: number | null;
  /** `YYYY-MM-DD`, inclusive. */
  from: string;
  /** `YYYY-MM-DD`, inclusive. */
  to: string;
  now: Date;
  positiveKinds: readonly OutcomeKind[];
};

export type Row = Record<string, unknown>;

/**
 * Runs one dashboard query with PostgreSQL's JIT off: the per-member probes make the planner's
 * estimate high enough to trigger JIT compilation, which cost 1.4–2.5 s for a query that runs in
 * 70 ms (bench:impact, 2,000 members). `SET LOCAL` only lasts for this transaction.
 */
export async function rows<T>(db: DbOrTx, query: SQL): Promise<T[]> {
  const result = await db.transaction(async (tx) => {
    await tx.execute(sql`set local jit = off`);
    return tx.execute(query);
  });
  return (result as unknown as { rows: Row[] }).rows as T[];
}

export const num = (value: unknown): number => (value === null || value === undefined ? 0 : Number(value));
const numOrNull = (value: unknown): number | null => (value === null || value === undefined ? null : Number(value));

/** The population: admitted members (any status but pending), of the cohort when one is chosen. */
export function population(filter: ImpactFilter, { activeOnly = false } = {}): SQL {
  return sql`
    select u.id, u.name, u.email, u.created_at,
           (u.created_at at time zone 'Europe/Paris')::date as joined_on,
           cm.cohort_id
    from users u
    left join cohort_members cm on cm.user_id = u.id
    where u.role = 'member'
      and u.status ${activeOnly ? sql`= 'active'` : sql`<> 'pending'`}
      and (${filter.cohortId}::int is null or cm.cohort_id = ${filter.cohortId}::int)`;
}

/** The period's bounds as instants (Paris midnight of `from`, Paris midnight after `to`). */
export function periodStart(filter: ImpactFilter): SQL {
  return sql`((${filter.from}::date)::timestamp at time zone 'Europe/Paris')`;
}
export function periodEnd(filter: ImpactFilter): SQL {
  return sql`((${filter.to}::date + 1)::timestamp at time zone 'Europe/Paris')`;
}

export type MembersSummary = { members: number; admitted: number; active7: number; active30: number };

/**
 * Members, admitted in the period (joined = account created), active in the last 7 and 30 days
 * before `now`: posted or replied (visible post), checked in, answered an RSVP, or attended.
 */
export async function getMembersSummary(db: DbOrTx, filter: ImpactFilter): Promise<MembersSummary> {
  const now = sql`${filter.now.toISOString()}::timestamptz`;
  const [row] = await rows<Row>(
    db,
    sql`
    with pop as (${population(filter)}),
    seen as (
      select pop.joined_on, greatest(${lastPostAt(now)}, ${lastCheckinAt(now)}, ${lastRsvpOrAttendanceAt(now)}) as at
      from pop
    )
    select
      count(*) as members,
      count(*) filter (where joined_on between ${filter.from}::date and ${filter.to}::date) as admitted,
      count(*) filter (where at >= ${now} - interval '7 days') as active7,
      count(*) filter (where at >= ${now} - interval '30 days') as active30
    from seen`,
  );
  return {
    members: num(row?.members),
    admitted: num(row?.admitted),
    active7: num(row?.active7),
    active30: num(row?.active30),
  };
}

/*
 * A member's latest moments up to \`now\`, one index probe each per member of the population (the
 * tables are large, the population is not): visible post, check-in, RSVP answer or attended
 * activity (its start), thread opened.
 */
function lastPostAt(now: SQL): SQL {
  return sql`(select max(p.created_at) from posts p
    where p.author_id = pop.id and p.deleted_at is null and p.created_at <= ${now})`;
}
function lastCheckinAt(now: SQL): SQL {
  return sql`(select max(c.created_at) from checkins c where c.user_id = pop.id and c.created_at <= ${now})`;
}
function lastRsvpOrAttendanceAt(now: SQL): SQL {
  return sql`(select max(x.at) from (
      select r.responded_at as at from activity_rsvps r where r.user_id = pop.id
      union all
      select a.starts_at from activity_rsvps r join activities a on a.id = r.activity_id
        where r.user_id = pop.id and r.attendance = 'present'
    ) x where x.at <= ${now})`;
}
function lastReadAt(now: SQL): SQL {
  return sql`(select max(tr.updated_at) from thread_reads tr where tr.user_id = pop.id and tr.updated_at <= ${now})`;
}

export type CheckinWeekRow = { weekStart: string; checkins: number };

/** Check-ins per week of the period (weeks whose check-in day falls in it), by the population. */
export async function listCheckinParticipation(db: DbOrTx, filter: ImpactFilter): Promise<CheckinWeekRow[]> {
  const result = await rows<Row>(
    db,
    sql`
    with pop as (${population(filter)})
    select to_char(w.week_start, 'YYYY-MM-DD') as week_start, count(c.id) as checkins
    from checkin_weeks w
    left join checkins c on c.week_id = w.id and c.user_id in (select id from pop)
    where w.week_start between ${filter.from}::date and ${filter.to}::date
    group by w.week_start
    order by w.week_start`,
  );
  return result.map((row) => ({ weekStart: String(row.week_start), checkins: num(row.checkins) }));
}

export type OutcomesSummary = {
  declarations: number;
  membersWithOutcome: number;
  membersPositive: number;
  essDeclarations: number;
  averageDays: number | null;
  medianDays: number | null;
  byKind: { kind: OutcomeKind; count: number }[];
};

/**
 * Active (not withdrawn) declarations of the population starting in the period, whatever their
 * sharing. Days to outcome: from joining to the start of each member's first declaration of the period.
 */
export async function getOutcomesSummary(db: DbOrTx, filter: ImpactFilter): Promise<OutcomesSummary> {
  const positive = sql`${param([...filter.positiveKinds])}::text[]`;
  const base = sql`
    with pop as (${population(filter)}),
    o as (
      select o.user_id, o.kind, o.is_ess, o.starts_on, pop.joined_on
      from outcomes o join pop on pop.id = o.user_id
      where o.withdrawn_at is null and o.starts_on between ${filter.from}::date and ${filter.to}::date
    )`;
  const [[summary], byKind] = await Promise.all([
    rows<Row>(
      db,
      sql`${base},
      firsts as (select distinct on (user_id) user_id, (starts_on - joined_on) as days from o order by user_id, starts_on)
      select count(*) as declarations,
             count(distinct user_id) as members_with_outcome,
             count(distinct user_id) filter (where kind = any(${positive})) as members_positive,
             count(*) filter (where is_ess) as ess_declarations,
             (select avg(days) from firsts) as average_days,
             (select percentile_cont(0.5) within group (order by days) from firsts) as median_days
      from o`,
    ),
    rows<Row>(db, sql`${base} select kind, count(*) as count from o group by kind order by count(*) desc, kind`),
  ]);
  return {
    declarations: num(summary?.declarations),
    membersWithOutcome: num(summary?.members_with_outcome),
    membersPositive: num(summary?.members_positive),
    essDeclarations: num(summary?.ess_declarations),
    averageDays: numOrNull(summary?.average_days),
    medianDays: numOrNull(summary?.median_days),
    byKind: byKind.map((row) => ({ kind: row.kind as OutcomeKind, count: num(row.count) })),
  };
}

export type ActivitiesSummary = { held: number; ledByMembers: number; hoursAttended: number };

/**
 * Activities held in the period (published, not cancelled, started in the period and ended
 * before `now`), those hosted by a member (role `member`), and hours attended: each activity's
 * duration × the population's attendees marked present.
 */
export async function getActivitiesSummary(db: DbOrTx, filter: ImpactFilter): Promise<ActivitiesSummary> {
  const [row] = await rows<Row>(
    db,
    sql`
    with pop as (${population(filter)}),
    present as (
      select r.activity_id, count(*) as attendees from activity_rsvps r
      where r.attendance = 'present' and r.user_id in (select id from pop)
      group by r.activity_id
    )
    select count(*) as held,
           count(*) filter (where h.role = 'member') as led_by_members,
           coalesce(sum(extract(epoch from (a.ends_at - a.starts_at)) / 3600.0 * coalesce(present.attendees, 0)), 0) as hours
    from activities a
    join users h on h.id = a.host_id
    left join present on present.activity_id = a.id
    where a.status = 'published'
      and a.starts_at >= ${periodStart(filter)} and a.starts_at < ${periodEnd(filter)}
      and a.ends_at <= ${filter.now.toISOString()}::timestamptz`,
  );
  return { held: num(row?.held), ledByMembers: num(row?.led_by_members), hoursAttended: num(row?.hours) };
}

export type ReviewsSummary = {
  givenByMembers: number;
  receivedByMembers: number;
  medianHoursToFirstCvReview: number | null;
  questionsAnsweredByPros: number;
};

/**
 * Structured reviews (CV, letter, pitch) written in the period by the population, and received
 * on the population's documents; median hours from a CV request (made in the period by the
 * population) to its first review, over requests that got one; questions asked in the period
 * by the population (threads of kind `question`) with at least one visible reply by a pro.
 */
export async function getReviewsSummary(db: DbOrTx, filter: ImpactFilter): Promise<ReviewsSummary> {
  const [row] = await rows<Row>(
    db,
    sql`
    with pop as (${population(filter)}),
    firsts as (select f.thread_id, min(f.created_at) as first_at from review_feedback f group by f.thread_id)
    select
      (select count(*) from review_feedback f
        where f.author_id in (select id from pop)
          and f.created_at >= ${periodStart(filter)} and f.created_at < ${periodEnd(filter)}) as given,
      (select count(*) from review_feedback f join threads t on t.id = f.thread_id
        where t.author_id in (select id from pop)
          and f.created_at >= ${periodStart(filter)} and f.created_at < ${periodEnd(filter)}) as received,
      (select percentile_cont(0.5) within group (order by extract(epoch from firsts.first_at - rr.created_at) / 3600.0)
        from review_requests rr
        join threads t on t.id = rr.thread_id
        join firsts on firsts.thread_id = rr.thread_id
        where rr.doc_kind = 'cv' and t.author_id in (select id from pop)
          and rr.created_at >= ${periodStart(filter)} and rr.created_at < ${periodEnd(filter)}) as median_hours,
      (select count(*) from threads q
        where q.kind = 'question' and q.deleted_at is null and q.author_id in (select id from pop)
          and q.created_at >= ${periodStart(filter)} and q.created_at < ${periodEnd(filter)}
          and exists (
            select 1 from posts p join users pu on pu.id = p.author_id
            where p.thread_id = q.id and p.number > 1 and p.deleted_at is null and pu.role = 'pro'
          )) as pro_answered`,
  );
  return {
    givenByMembers: num(row?.given),
    receivedByMembers: num(row?.received),
    medianHoursToFirstCvReview: numOrNull(row?.median_hours),
    questionsAnsweredByPros: num(row?.pro_answered),
  };
}

export type NamedOutcomeRow = {
  userId: string;
  name: string;
  kind: OutcomeKind;
  isEss: boolean;
  organisation: string | null;
  startsOn: string;
  sharing: OutcomeSharing;
  daysFromJoining: number;
};

/** Declarations of the period that facilitators may see by name (shared with them or the community). */
export async function listNamedOutcomes(db: DbOrTx, filter: ImpactFilter): Promise<NamedOutcomeRow[]> {
  const result = await rows<Row>(
    db,
    sql`
    with pop as (${population(filter)})
    select pop.id as user_id, pop.name, o.kind, o.is_ess, o.organisation,
           to_char(o.starts_on, 'YYYY-MM-DD') as starts_on, o.sharing, (o.starts_on - pop.joined_on) as days
    from outcomes o join pop on pop.id = o.user_id
    where o.withdrawn_at is null and o.sharing in ('community', 'facilitators')
      and o.starts_on between ${filter.from}::date and ${filter.to}::date
    order by o.starts_on desc, pop.name`,
  );
  return result.map((row) => ({
    userId: String(row.user_id),
    name: String(row.name),
    kind: row.kind as OutcomeKind,
    isEss: Boolean(row.is_ess),
    organisation: (row.organisation as string | null) ?? null,
    startsOn: String(row.starts_on),
    sharing: row.sharing as OutcomeSharing,
    daysFromJoining: num(row.days),
  }));
}

export type MemberContextRow = {
  userId: string;
  name: string;
  email: string;
  cohortName: string | null;
  joinedOn: string;
  lastCheckinAt: Date | null;
  lastActivityAt: Date | null;
  checkinsInPeriod: number;
  /** The member's latest declaration shared with facilitators or the community (never a `nobody` one). */
  outcomeKind: OutcomeKind | null;
  outcomeStartsOn: string | null;
};

/**
 * One row per member of the population with their context (by name, keyset `after`); `toFollowUp` keeps the "à relancer"
 * ones: active accounts older than 10 days with no check-in for 14 days and no visit (thread
 * opened, post, check-in, RSVP or attendance) for 10 days.
 */
export async function listMembersWithContext(
  db: DbOrTx,
  filter: ImpactFilter,
  {
    toFollowUp = false,
    limit = 5000,
    after,
  }: { toFollowUp?: boolean; limit?: number; after?: { name: string; id: string } } = {},
): Promise<MemberContextRow[]> {
  const now = sql`${filter.now.toISOString()}::timestamptz`;
  const result = await rows<Row>(
    db,
    sql`
    with pop as (${population(filter, { activeOnly: toFollowUp })}),
    cp as (
      select c.user_id, count(*) as n from checkins c join checkin_weeks w on w.id = c.week_id
      where c.user_id in (select id from pop) and w.week_start between ${filter.from}::date and ${filter.to}::date
      group by c.user_id
    ),
    named as (
      select distinct on (user_id) user_id, kind, to_char(starts_on, 'YYYY-MM-DD') as starts_on from outcomes
      where user_id in (select id from pop) and withdrawn_at is null and sharing in ('community', 'facilitators')
      order by user_id, starts_on desc
    ),
    last as (
      select pop.*, ${lastCheckinAt(now)} as last_checkin_at, ${lastPostAt(now)} as last_post_at,
             ${lastRsvpOrAttendanceAt(now)} as last_rsvp_at, ${lastReadAt(now)} as last_read_at
      from pop
    ),
    ctx as (
      select last.id, last.name, last.email, last.created_at, to_char(last.joined_on, 'YYYY-MM-DD') as joined_on,
             co.name as cohort_name, last.last_checkin_at, coalesce(cp.n, 0) as checkins_in_period,
             greatest(last.last_checkin_at, last.last_read_at, last.last_post_at, last.last_rsvp_at) as last_activity_at,
             named.kind as outcome_kind, named.starts_on as outcome_starts_on
      from last
      left join cohorts co on co.id = last.cohort_id
      left join cp on cp.user_id = last.id
      left join named on named.user_id = last.id
    )
    select * from ctx
    ${
      toFollowUp
        ? sql`where ctx.created_at < ${now} - interval '10 days'
            and (ctx.last_checkin_at is null or ctx.last_checkin_at < ${now} - interval '14 days')
            and (ctx.last_activity_at is null or ctx.last_activity_at < ${now} - interval '10 days')
          order by ctx.last_activity_at asc nulls first, ctx.name`
        : sql`${after ? sql`where (ctx.name, ctx.id) > (${after.name}, ${after.id}::uuid)` : sql``}
          order by ctx.name, ctx.id`
    }
    limit ${limit}`,
  );
  const date = (value: unknown) => (value ? new Date(value as string | Date) : null);
  return result.map((row) => ({
    userId: String(row.id),
    name: String(row.name),
    email: String(row.email),
    cohortName: (row.cohort_name as string | null) ?? null,
    joinedOn: String(row.joined_on),
    lastCheckinAt: date(row.last_checkin_at),
    lastActivityAt: date(row.last_activity_at),
    checkinsInPeriod: num(row.checkins_in_period),
    outcomeKind: (row.outcome_kind as OutcomeKind | null) ?? null,
    outcomeStartsOn: (row.outcome_starts_on as string | null) ?? null,
  }));
}
