/**
 * The six-month survey: who is invited and when (cohort end or first outcome + 6 months), one
 * reminder and no more, answers stored once with their question version, the form's validation.
 */
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { cohortMembers, cohorts, notifications, outcomes, surveys, users, type User } from "@/db/schema";
import { createServiceTestDb } from "@/db/service-testing";
import { actorOf, makeUser } from "@/db/test-factories";
import type { TestDb } from "@/db/testing";
import { contextFor } from "@/lib/context";
import { SURVEY_QUESTION_VERSION } from "@/lib/domain/surveys";
import { AppError } from "@/lib/errors";
import { surveyAnswerSchema } from "@/lib/validation/surveys";
import { answerSurvey, getMySurvey, sendSurveyInvitations } from "./survey";

vi.mock("next-intl/server", () => ({ getTranslations: async () => (key: string) => key }));

let testDb: TestDb & { dataDir: string };
let alumna: User;
let finder: User;
let early: User;
let running: User;
let staff: User;

const DAY = 86_400_000;
const NOW = new Date("2026-11-20T10:00:00Z");
const later = (days: number) => new Date(NOW.getTime() + days * DAY);
const ctxOf = (user: User) => contextFor(actorOf(user), testDb.db);

beforeAll(async () => {
  testDb = await createServiceTestDb({ RATE_LIMITS: "off" });
  alumna = await makeUser(testDb.db, "Alumna");
  finder = await makeUser(testDb.db, "Finder");
  early = await makeUser(testDb.db, "Early");
  running = await makeUser(testDb.db, "Running");
  staff = await makeUser(testDb.db, "Staff", "facilitator");
  await testDb.db.update(users).set({ createdAt: new Date("2025-09-01T08:00:00Z") });
  const [ended, endedLately, ongoing] = await testDb.db
    .insert(cohorts)
    .values([
      // Ended 20 May 2026: due 20 November 2026, today.
      { name: "Printemps", startsOn: "2025-11-01", endsOn: "2026-05-20" },
      // Ended 1 July 2026: due 1 January 2027.
      { name: "Été", startsOn: "2026-01-01", endsOn: "2026-07-01" },
      { name: "Automne", startsOn: "2026-09-01", endsOn: "2027-03-01" },
    ])
    .returning();
  await testDb.db.insert(cohortMembers).values([
    { userId: alumna.id, cohortId: ended!.id },
    { userId: early.id, cohortId: endedLately!.id },
    { userId: running.id, cohortId: ongoing!.id },
  ]);
  // Finder's first outcome started on 10 May 2026 (due 10 November); a withdrawn earlier one does not count.
  await testDb.db.insert(outcomes).values([
    { userId: finder.id, kind: "cdi", isEss: true, startsOn: "2026-05-10", sharing: "nobody" },
    {
      userId: finder.id,
      kind: "other",
      isEss: false,
      startsOn: "2026-02-01",
      sharing: "nobody",
      withdrawnAt: new Date("2026-03-01T00:00:00Z"),
    },
    // Early found something on 1 June 2026: due 1 December, before the cohort's date.
    { userId: early.id, kind: "formation", isEss: false, startsOn: "2026-06-01", sharing: "facilitators" },
  ]);
});
afterAll(async () => {
  await testDb.close();
});

async function surveyNotifications(user: User) {
  const rows = await testDb.db
    .select()
    .from(notifications)
    .where(and(eq(notifications.userId, user.id), eq(notifications.kind, "survey")))
    .orderBy(notifications.id);
  return rows.map((row) => ({ event: row.payload.event, email: row.email, inBell: row.inBell }));
}

const answer = (fields: Record<string, string> = {}) =>
  surveyAnswerSchema.parse({ situation: "cdi", satisfaction: "4", comment: "", helped_pros: "on", ...fields });

describe("six-month survey", () => {
  it("invites six months after the cohort ends or after the first outcome, whichever comes first, once", async () => {
    expect(await sendSurveyInvitations(testDb.db, NOW)).toEqual({ invited: 2, reminded: 0 });
    const rows = await testDb.db.select().from(surveys);
    expect(
      rows
        .map((row) => ({ userId: row.userId, basis: row.basis, dueOn: row.dueOn }))
        .sort((a, b) => a.dueOn.localeCompare(b.dueOn)),
    ).toEqual([
      { userId: finder.id, basis: "outcome", dueOn: "2026-11-10" },
      { userId: alumna.id, basis: "cohort_end", dueOn: "2026-11-20" },
    ]);
    expect(await surveyNotifications(alumna)).toEqual([{ event: "invite", email: "now", inBell: true }]);
    // A second run the same day (another instance, a retried job) sends nothing more.
    expect(await sendSurveyInvitations(testDb.db, NOW)).toEqual({ invited: 0, reminded: 0 });
    expect(await surveyNotifications(alumna)).toHaveLength(1);
    // Eleven days later, Early's outcome makes theirs due (1 December), ahead of the cohort's date.
    expect(await sendSurveyInvitations(testDb.db, later(11))).toEqual({ invited: 1, reminded: 0 });
    const [earlyRow] = await testDb.db.select().from(surveys).where(eq(surveys.userId, early.id));
    expect(earlyRow).toMatchObject({ basis: "outcome", dueOn: "2026-12-01" });
    // Members of a running cohort without an outcome, and staff, are never invited.
    for (const user of [running, staff]) {
      expect(await testDb.db.select().from(surveys).where(eq(surveys.userId, user.id))).toEqual([]);
    }
  });

  it("shows the survey to the invited member, stores the answer with its question version, once", async () => {
    expect(await getMySurvey(ctxOf(alumna))).toEqual({ state: "open", dueOn: "2026-11-20" });
    expect(await getMySurvey(ctxOf(running))).toEqual({ state: "none" });
    await answerSurvey(
      ctxOf(alumna),
      answer({ situation: "searching", satisfaction: "5", helped_checkins: "on", comment: "  Merci à l'équipe ! " }),
      later(2),
    );
    const [row] = await testDb.db.select().from(surveys).where(eq(surveys.userId, alumna.id));
    expect(row).toMatchObject({
      questionVersion: SURVEY_QUESTION_VERSION,
      situation: "searching",
      satisfaction: 5,
      helped: ["checkins", "pros"],
      comment: "Merci à l'équipe !",
      answeredAt: later(2),
    });
    expect((await getMySurvey(ctxOf(alumna))).state).toBe("answered");
    // A second answer is refused and changes nothing.
    await expect(answerSurvey(ctxOf(alumna), answer({ satisfaction: "1" }), later(3))).rejects.toMatchObject({
      code: "conflict",
      messageKey: "survey.errors.alreadyAnswered",
    });
    // Someone never invited cannot answer (nothing is stored for them).
    await expect(answerSurvey(ctxOf(running), answer())).rejects.toBeInstanceOf(AppError);
    expect(await testDb.db.select().from(surveys).where(eq(surveys.userId, running.id))).toEqual([]);
    const [unchanged] = await testDb.db.select().from(surveys).where(eq(surveys.userId, alumna.id));
    expect(unchanged!.satisfaction).toBe(5);
  });

  it("reminds once, fourteen days after the invitation, those who have not answered; then no more", async () => {
    // Day 13 after the first invitations: too early.
    expect((await sendSurveyInvitations(testDb.db, later(13))).reminded).toBe(0);
    // Day 15: Finder (invited on day 0, not answered) is reminded; Alumna answered; Early was invited on day 11.
    expect((await sendSurveyInvitations(testDb.db, later(15))).reminded).toBe(1);
    expect(await surveyNotifications(finder)).toEqual([
      { event: "invite", email: "now", inBell: true },
      { event: "reminder", email: "now", inBell: true },
    ]);
    expect(await surveyNotifications(alumna)).toHaveLength(1);
    // Day 26: Early's turn; later runs send nothing to anyone.
    expect((await sendSurveyInvitations(testDb.db, later(26))).reminded).toBe(1);
    expect(await sendSurveyInvitations(testDb.db, later(60))).toEqual({ invited: 0, reminded: 0 });
    expect(await surveyNotifications(finder)).toHaveLength(2);
    expect(await surveyNotifications(early)).toHaveLength(2);
  });

  it("validates the form: situation and a 1–5 score required, several helps, a bounded comment", () => {
    const refused = surveyAnswerSchema.safeParse({ situation: "", satisfaction: "7", comment: "x".repeat(2001) });
    expect(refused.success).toBe(false);
    const messages = refused.error!.issues.map((issue) => `${issue.path.join(".")}:${issue.message}`);
    expect(messages).toEqual([
      "situation:survey.errors.situationRequired",
      "satisfaction:survey.errors.satisfactionRequired",
      "comment:survey.errors.commentTooLong",
    ]);
    expect(surveyAnswerSchema.safeParse({ situation: "cdi", satisfaction: "" }).success).toBe(false);
    expect(
      surveyAnswerSchema.parse({ situation: "cdi", satisfaction: "3", helped_members: "on", helped_other: "on" }),
    ).toEqual({ situation: "cdi", satisfaction: 3, comment: null, helped: ["members", "other"] });
  });
});
