import { and, eq, isNotNull, isNull, sql } from "drizzle-orm";
import type { SurveyHelp, SurveySituation } from "@/lib/domain/surveys";
import type { DbOrTx } from "../client";
import { surveys } from "../schema";

export type SurveyRow = typeof surveys.$inferSelect;

/**
 * Invites, in one statement, every active member whose six-month survey is due on `today` or
 * before and who was never invited: due `delayMonths` after their cohort's end or after the start
 * of their first active declaration, whichever comes first. Returns who was invited (each once,
 * even with several instances running the job: the primary key decides).
 */
export async function inviteDueMembers(
  db: DbOrTx,
  params: { today: string; delayMonths: number; now: Date; limit: number },
): Promise<string[]> {
  const delay = sql`make_interval(months => ${params.delayMonths}::int)`;
  const result = await db.execute(sql`
    with due as (
      select u.id as user_id,
             (c.ends_on + ${delay})::date as cohort_due,
             (select (min(o.starts_on) + ${delay})::date from outcomes o
               where o.user_id = u.id and o.withdrawn_at is null) as outcome_due
      from users u
      left join cohort_members cm on cm.user_id = u.id
      left join cohorts c on c.id = cm.cohort_id
      where u.role = 'member' and u.status = 'active'
        and not exists (select 1 from surveys s where s.user_id = u.id)
    ),
    picked as (
      select user_id,
             least(cohort_due, outcome_due) as due_on,
             case when cohort_due is not null and (outcome_due is null or cohort_due <= outcome_due)
                  then 'cohort_end' else 'outcome' end as basis
      from due
      where least(cohort_due, outcome_due) <= ${params.today}::date
      order by 2
      limit ${params.limit}
    )
    insert into surveys (user_id, basis, due_on, invited_at)
    select user_id, basis, due_on, ${params.now.toISOString()}::timestamptz from picked
    on conflict (user_id) do nothing
    returning user_id as "userId"`);
  return (result.rows as { userId: string }[]).map((row) => row.userId);
}

/** Marks, in one statement, the open invitations sent before `invitedBefore` as reminded: each goes once. */
export async function claimDueReminders(
  db: DbOrTx,
  params: { invitedBefore: Date; now: Date; limit: number },
): Promise<string[]> {
  const result = await db.execute(sql`
    update surveys set reminded_at = ${params.now.toISOString()}::timestamptz
    where user_id in (
      select user_id from surveys
      where answered_at is null and reminded_at is null
        and invited_at < ${params.invitedBefore.toISOString()}::timestamptz
      order by invited_at
      limit ${params.limit}
      for update skip locked
    )
    returning user_id as "userId"`);
  return (result.rows as { userId: string }[]).map((row) => row.userId);
}

export async function getOwnSurvey(db: DbOrTx, { userId }: { userId: string }): Promise<SurveyRow | null> {
  const [row] = await db.select().from(surveys).where(eq(surveys.userId, userId));
  return row ?? null;
}

/** Records the member's answer once: zero rows when not invited or already answered. */
export async function answerOwnSurvey(
  db: DbOrTx,
  params: {
    userId: string;
    questionVersion: number;
    situation: SurveySituation;
    satisfaction: number;
    helped: SurveyHelp[];
    comment: string | null;
    now: Date;
  },
): Promise<SurveyRow | null> {
  const [row] = await db
    .update(surveys)
    .set({
      answeredAt: params.now,
      questionVersion: params.questionVersion,
      situation: params.situation,
      satisfaction: params.satisfaction,
      helped: params.helped,
      comment: params.comment,
    })
    .where(and(eq(surveys.userId, params.userId), isNotNull(surveys.invitedAt), isNull(surveys.answeredAt)))
    .returning();
  return row ?? null;
}
