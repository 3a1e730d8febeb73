import { sql } from "drizzle-orm";
import { SATISFIED_FROM, surveyHelps, type SurveyHelp, type SurveySituation } from "@/lib/domain/surveys";
import type { DbOrTx } from "../client";
import { num, periodEnd, periodStart, population, rows, type ImpactFilter, type Row } from "./impact";

export type SatisfactionSummary = {
  /** Invitations sent in the period to the population. */
  invited: number;
  /** Of those invitations, the ones answered (whenever). */
  answeredOfInvited: number;
  /** Answers received in the period from the population (whenever invited). */
  answers: number;
  /** Of those answers, scores of 4 or 5 out of 5. */
  satisfied: number;
  /** Answers of the period per score, 1 to 5. */
  byScore: { score: number; count: number }[];
  /** Answers of the period per "what helped most" choice (one answer may count for several). */
  byHelp: { help: SurveyHelp; count: number }[];
  /** Answers of the period per situation at six months. */
  bySituation: { situation: SurveySituation; count: number }[];
};

/**
 * The six-month survey's figures for the dashboard's population (members, of the cohort when one
 * is chosen) and period, in one statement: the response rate counts invitations sent in the
 * period (`invited_at`) and which of them were answered; satisfaction counts answers received in
 * the period (`answered_at`), satisfied when the score is at least `SATISFIED_FROM` (4/5).
 */
export async function getSatisfactionSummary(db: DbOrTx, filter: ImpactFilter): Promise<SatisfactionSummary> {
  const [row] = await rows<Row>(
    db,
    sql`
    with pop as (${population(filter)}),
    invited as (
      select s.answered_at from surveys s join pop on pop.id = s.user_id
      where s.invited_at >= ${periodStart(filter)} and s.invited_at < ${periodEnd(filter)}
    ),
    answered as (
      select s.satisfaction, s.helped, s.situation from surveys s join pop on pop.id = s.user_id
      where s.answered_at >= ${periodStart(filter)} and s.answered_at < ${periodEnd(filter)}
    )
    select
      (select count(*) from invited) as invited,
      (select count(*) from invited where answered_at is not null) as answered_of_invited,
      (select count(*) from answered) as answers,
      (select count(*) from answered where satisfaction >= ${SATISFIED_FROM}) as satisfied,
      (select coalesce(json_object_agg(satisfaction, n), '{}') from
        (select satisfaction, count(*) as n from answered group by satisfaction) x) as by_score,
      (select coalesce(json_object_agg(help, n), '{}') from
        (select help, count(*) as n from answered, unnest(answered.helped) as help group by help) x) as by_help,
      (select coalesce(json_object_agg(situation, n), '{}') from
        (select situation, count(*) as n from answered group by situation) x) as by_situation`,
  );
  const byScore = (row?.by_score ?? {}) as Record<string, number>;
  const byHelp = (row?.by_help ?? {}) as Record<string, number>;
  const bySituation = (row?.by_situation ?? {}) as Record<string, number>;
  return {
    invited: num(row?.invited),
    answeredOfInvited: num(row?.answered_of_invited),
    answers: num(row?.answers),
    satisfied: num(row?.satisfied),
    byScore: [1, 2, 3, 4, 5].map((score) => ({ score, count: num(byScore[String(score)]) })),
    byHelp: surveyHelps.map((help) => ({ help, count: num(byHelp[help]) })),
    bySituation: Object.entries(bySituation)
      .map(([situation, count]) => ({ situation: situation as SurveySituation, count: num(count) }))
      .sort((a, b) => b.count - a.count || a.situation.localeCompare(b.situation)),
  };
}
