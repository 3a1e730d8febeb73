import { and, desc, eq, lt } from "drizzle-orm";
import { documentFromText } from "@/lib/editor/render";
import { threadRow } from "@/lib/forum/content";
import { addDays, zonedDate } from "@/lib/domain/rhythm";
import type { OutcomeKind, OutcomeSharing } from "@/lib/domain/outcomes";
import { SURVEY_QUESTION_VERSION, type SurveyHelp, type SurveySituation } from "@/lib/domain/surveys";
import type { Db } from "./client";
import { createThread } from "./queries/threads";
import { createUser } from "./queries/users";
import { activities, activityRsvps, cohortMembers, cohorts, outcomes, surveys, users } from "./schema";
import type { SeededUsers } from "./seed";
import { channelIdsBySlug } from "./seed-forum";

const DAY = 24 * 60 * 60 * 1000;

type Alumna = {
  name: string;
  email: string;
  joinedDaysAgo: number;
  outcome?: {
    kind: OutcomeKind;
    isEss: boolean;
    organisation: string | null;
    startedDaysAgo: number;
    sharing: OutcomeSharing;
  };
  celebration?: string;
};

/** The spring cohort's members (finished: alumni), with outcomes under each sharing choice. */
const ALUMNI: Alumna[] = [
  {
    name: "Imane Roche",
    email: "imane@propulse.demo",
    joinedDaysAgo: 420,
    outcome: {
      kind: "cdi",
      isEss: true,
      organisation: "Ressourcerie du Canal",
      startedDaysAgo: 260,
      sharing: "community",
    },
    celebration: "🎉 J'ai trouvé un CDI chez Ressourcerie du Canal !",
  },
  {
    name: "Théo Lambert",
    email: "theo@propulse.demo",
    joinedDaysAgo: 415,
    outcome: {
      kind: "alternance",
      isEss: true,
      organisation: "MJC des Pentes",
      startedDaysAgo: 240,
      sharing: "facilitators",
    },
  },
  {
    name: "Sarah Benali",
    email: "sarah@propulse.demo",
    joinedDaysAgo: 410,
    outcome: { kind: "formation", isEss: false, organisation: null, startedDaysAgo: 220, sharing: "nobody" },
  },
  {
    name: "Lucas Petit",
    email: "lucas@propulse.demo",
    joinedDaysAgo: 410,
    outcome: {
      kind: "cdd_short",
      isEss: true,
      organisation: "Festival Les Solidaires",
      startedDaysAgo: 205,
      sharing: "facilitators",
    },
  },
  { name: "Nora Diallo", email: "nora@propulse.demo", joinedDaysAgo: 405 },
  { name: "Maëlle Girard", email: "maelle@propulse.demo", joinedDaysAgo: 400 },
  {
    name: "Ousmane Traoré",
    email: "ousmane@propulse.demo",
    joinedDaysAgo: 400,
    outcome: { kind: "cdi", isEss: false, organisation: "Transports Rhône", startedDaysAgo: 230, sharing: "nobody" },
  },
];

type SurveyAnswer = {
  /** Days after the invitation the member answered (null: reminded, never answered). */
  answeredAfter: number | null;
  situation?: SurveySituation;
  satisfaction?: number;
  helped?: SurveyHelp[];
  comment?: string;
};

/** The alumni's six-month survey: six answers out of seven invitations, four of them satisfied. */
const SURVEY: Record<string, SurveyAnswer> = {
  "imane@propulse.demo": {
    answeredAfter: 2,
    situation: "cdi",
    satisfaction: 5,
    helped: ["pros", "reviews"],
    comment: "Les relectures de CV ont tout changé.",
  },
  "theo@propulse.demo": {
    answeredAfter: 1,
    situation: "alternance",
    satisfaction: 4,
    helped: ["checkins", "activities"],
  },
  "sarah@propulse.demo": { answeredAfter: 5, situation: "formation", satisfaction: 5, helped: ["members"] },
  "lucas@propulse.demo": { answeredAfter: 16, situation: "cdd_short", satisfaction: 3, helped: ["reviews"] },
  "nora@propulse.demo": { answeredAfter: null },
  "maelle@propulse.demo": {
    answeredAfter: 3,
    situation: "searching",
    satisfaction: 4,
    helped: ["checkins", "members"],
    comment: "Toujours en recherche, mais bien plus confiante.",
  },
  "ousmane@propulse.demo": { answeredAfter: 20, situation: "cdi", satisfaction: 2, helped: ["other"] },
};

/**
 * Two cohorts (spring, finished — its members are alumni — and autumn, running, with Camille and
 * Yanis), outcomes shared with the community (celebrated in *Victoires*), with the team only, and
 * with nobody.
 */
export async function seedDemoOutcomes(db: Db, seeded: SeededUsers, passwordHash: string, now = new Date()) {
  const today = zonedDate(now).date;
  const [spring, autumn] = await db
    .insert(cohorts)
    .values([
      { name: "Promo printemps", territory: "Lyon", startsOn: addDays(today, -420), endsOn: addDays(today, -240) },
      { name: "Promo automne", territory: "Lyon", startsOn: addDays(today, -60), endsOn: addDays(today, 120) },
    ])
    .returning();
  const victoires = (await channelIdsBySlug(db)).get("victoires");
  // The alumni attended the programme's latest past activity (the rhythm seed's).
  const [pastActivity] = await db
    .select({ id: activities.id })
    .from(activities)
    .where(and(eq(activities.status, "published"), lt(activities.endsAt, now)))
    .orderBy(desc(activities.startsAt))
    .limit(1);
  for (const alumna of ALUMNI) {
    const user = await createUser(db, {
      name: alumna.name,
      email: alumna.email,
      passwordHash,
      role: "member",
      emailVerified: now,
    });
    if (!user) continue;
    await db
      .update(users)
      .set({ createdAt: new Date(now.getTime() - alumna.joinedDaysAgo * DAY) })
      .where(eq(users.id, user.id));
    await db.insert(cohortMembers).values({ userId: user.id, cohortId: spring!.id });
    await seedSurvey(db, user.id, { cohortEndedOn: spring!.endsOn, outcome: alumna.outcome, today, now });
    if (pastActivity) {
      await db
        .insert(activityRsvps)
        .values({ activityId: pastActivity.id, userId: user.id, response: "going", attendance: "present" })
        .onConflictDoNothing();
    }
    if (!alumna.outcome) continue;
    const { startedDaysAgo, ...outcome } = alumna.outcome;
    let threadId: number | null = null;
    if (alumna.celebration && victoires) {
      const { thread } = await createThread(
        db,
        threadRow({
          channelId: victoires,
          authorId: user.id,
          title: alumna.celebration,
          body: documentFromText("Merci à toutes celles et ceux qui m'ont aidé·e en chemin ! Et c'est dans l'ESS 💚"),
        }),
      );
      threadId = thread.id;
    }
    await db
      .insert(outcomes)
      .values({ ...outcome, userId: user.id, startsOn: addDays(today, -startedDaysAgo), threadId });
  }
  for (const key of ["camille", "yanis"]) {
    const member = seeded[key];
    if (member)
      await db.insert(cohortMembers).values({ userId: member.id, cohortId: autumn!.id }).onConflictDoNothing();
  }
}

/**
 * The alumna's six-month survey as the job would have sent it: due six months after the cohort's
 * end or the outcome's start (the earlier), invited that day, answered some days later or
 * reminded after two weeks.
 */
async function seedSurvey(
  db: Db,
  userId: string,
  params: { cohortEndedOn: string; outcome?: { startedDaysAgo: number }; today: string; now: Date },
) {
  const email = (await db.select({ email: users.email }).from(users).where(eq(users.id, userId)))[0]?.email;
  const answer = email ? SURVEY[email] : undefined;
  if (!answer) return;
  const sixMonthsAfter = (date: string) => addDays(date, 182);
  const cohortDue = sixMonthsAfter(params.cohortEndedOn);
  const outcomeDue = params.outcome ? sixMonthsAfter(addDays(params.today, -params.outcome.startedDaysAgo)) : null;
  const dueOn = outcomeDue && outcomeDue < cohortDue ? outcomeDue : cohortDue;
  const invitedAt = new Date(`${dueOn}T08:00:00Z`);
  if (invitedAt > params.now) return;
  const at = (days: number) => new Date(invitedAt.getTime() + days * DAY);
  await db.insert(surveys).values({
    userId,
    basis: dueOn === cohortDue ? "cohort_end" : "outcome",
    dueOn,
    invitedAt,
    remindedAt: answer.answeredAfter === null || answer.answeredAfter > 14 ? at(14) : null,
    ...(answer.answeredAfter === null
      ? {}
      : {
          answeredAt: at(answer.answeredAfter),
          questionVersion: SURVEY_QUESTION_VERSION,
          situation: answer.situation,
          satisfaction: answer.satisfaction,
          helped: answer.helped ?? [],
          comment: answer.comment ?? null,
        }),
  });
}
