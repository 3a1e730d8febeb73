import "server-only";
import { answerOwnSurvey, claimDueReminders, getOwnSurvey, inviteDueMembers } from "@/db/queries/surveys";
import type { DbOrTx } from "@/db";
import type { ServiceContext } from "@/lib/context";
import { zonedDate } from "@/lib/domain/rhythm";
import { SURVEY_DELAY_MONTHS, SURVEY_QUESTION_VERSION, SURVEY_REMINDER_DAYS } from "@/lib/domain/surveys";
import { AppError } from "@/lib/errors";
import { defineJob } from "@/lib/jobs/types";
import { notifyMembers } from "@/lib/notifications/fanout";
import { canAnswerSurvey } from "@/lib/permissions/outcomes";
import type { SurveyAnswerInput } from "@/lib/validation/surveys";

const DAY = 24 * 60 * 60 * 1000;
const PER_RUN = 500;

/**
 * Invites the members whose six-month survey is due (six months after their cohort ended, or
 * after their first outcome, whichever comes first) and reminds, once, those invited
 * `SURVEY_REMINDER_DAYS` ago who have not answered. Both are claimed in one statement before
 * the notification goes (bell + e-mail through the notification pipeline), so each happens once
 * per member even with several instances or a retried job; then nothing more is sent.
 */
export async function sendSurveyInvitations(
  db: DbOrTx,
  now = new Date(),
): Promise<{ invited: number; reminded: number }> {
  const invited = await inviteDueMembers(db, {
    today: zonedDate(now).date,
    delayMonths: SURVEY_DELAY_MONTHS,
    now,
    limit: PER_RUN,
  });
  const reminded = await claimDueReminders(db, {
    invitedBefore: new Date(now.getTime() - SURVEY_REMINDER_DAYS * DAY),
    now,
    limit: PER_RUN,
  });
  if (invited.length) await notifyMembers(db, { type: "survey", userIds: invited, payload: { event: "invite" } });
  if (reminded.length) await notifyMembers(db, { type: "survey", userIds: reminded, payload: { event: "reminder" } });
  return { invited: invited.length, reminded: reminded.length };
}

export const surveyJob = defineJob({
  name: "survey.plan",
  queue: { policy: "stately", retryLimit: 2, retryDelay: 300, expireInSeconds: 900 },
  // Daily at 10:00 in Paris, the same hour as the weekly nudge: never at night.
  schedule: { cron: "0 10 * * *", tz: "Europe/Paris" },
  handle: async (_data, { db }) => {
    const { invited, reminded } = await sendSurveyInvitations(db);
    if (invited + reminded > 0) console.info(`[survey] ${invited} invitation(s), ${reminded} reminder(s) sent`);
  },
});

export type MySurvey = { state: "none" } | { state: "open"; dueOn: string } | { state: "answered"; answeredAt: Date };

/** The signed-in member's survey: none yet, open (invited, not answered), or answered. */
export async function getMySurvey(ctx: ServiceContext): Promise<MySurvey> {
  if (!canAnswerSurvey(ctx.actor)) throw new AppError("unauthenticated");
  const survey = await getOwnSurvey(ctx.db, { userId: ctx.actor.id });
  if (!survey) return { state: "none" };
  if (survey.answeredAt) return { state: "answered", answeredAt: survey.answeredAt };
  return { state: "open", dueOn: survey.dueOn };
}

/** Records the member's answers with the current question version; once only, and only when invited. */
export async function answerSurvey(ctx: ServiceContext, input: SurveyAnswerInput, now = new Date()): Promise<void> {
  if (!canAnswerSurvey(ctx.actor)) throw new AppError("unauthenticated");
  const answered = await answerOwnSurvey(ctx.db, {
    userId: ctx.actor.id,
    questionVersion: SURVEY_QUESTION_VERSION,
    ...input,
    now,
  });
  if (answered) return;
  const survey = await getOwnSurvey(ctx.db, { userId: ctx.actor.id });
  throw survey ? new AppError("conflict", "survey.errors.alreadyAnswered") : new AppError("not_found");
}
