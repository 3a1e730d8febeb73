/**
 * The dashboard's satisfaction indicators recomputed independently: survey rows described by a
 * plain array, the figures computed from it in TypeScript, compared with the SQL; and the
 * funders' export, which never breaks a group of fewer than five people down.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { cohortMembers, cohorts, outcomes, surveys, users, type User } from "@/db/schema";
import { createServiceTestDb } from "@/db/service-testing";
import { actorOf, makeUser } from "@/db/test-factories";
import type { TestDb } from "@/db/testing";
import { contextFor } from "@/lib/context";
import { surveyHelps, type SurveyHelp, type SurveySituation } from "@/lib/domain/surveys";
import { exportImpactCsv, TOO_FEW } from "./export";
import { getImpactDashboard, impactRates } from "./service";

vi.mock("next-intl/server", () => ({ getTranslations: async () => (key: string) => key }));

const NOW = new Date("2026-11-20T12:00:00Z");
const FROM = "2026-09-01";
const TO = "2026-11-20";
const DAY = 86_400_000;
const ago = (days: number) => new Date(NOW.getTime() - days * DAY);

type Spec = {
  name: string;
  cohort: "A" | "B";
  /** Days ago the invitation went (null: never invited). */
  invited: number | null;
  answered?: { daysAgo: number; score: number; helped: SurveyHelp[]; situation: SurveySituation };
};

// Period: 1 September – 20 November (81 days). 100 days ago is before it.
const SPECS: Spec[] = [
  {
    name: "Ana",
    cohort: "A",
    invited: 60,
    answered: { daysAgo: 58, score: 5, helped: ["checkins", "pros"], situation: "cdi" },
  },
  { name: "Ben", cohort: "A", invited: 60, answered: { daysAgo: 40, score: 4, helped: ["members"], situation: "cdi" } },
  { name: "Célia", cohort: "A", invited: 30, answered: { daysAgo: 1, score: 3, helped: [], situation: "searching" } },
  { name: "David", cohort: "A", invited: 30 },
  {
    name: "Élise",
    cohort: "A",
    invited: 10,
    answered: { daysAgo: 9, score: 2, helped: ["other"], situation: "formation" },
  },
  {
    name: "Farid",
    cohort: "A",
    invited: 100,
    answered: { daysAgo: 85, score: 5, helped: ["reviews", "pros"], situation: "alternance" },
  },
  {
    name: "Gina",
    cohort: "B",
    invited: 100,
    answered: { daysAgo: 95, score: 1, helped: ["activities"], situation: "searching" },
  },
  {
    name: "Hervé",
    cohort: "B",
    invited: 20,
    answered: { daysAgo: 5, score: 4, helped: ["checkins"], situation: "cdd_long" },
  },
  { name: "Iris", cohort: "B", invited: 20 },
  { name: "Jules", cohort: "B", invited: null },
];

let testDb: TestDb & { dataDir: string };
let staff: User;
const cohortIds: Record<"A" | "B", number> = { A: 0, B: 0 };

beforeAll(async () => {
  testDb = await createServiceTestDb({ RATE_LIMITS: "off" });
  const db = testDb.db;
  staff = await makeUser(db, "Fanny", "facilitator");
  const [a, b] = await db
    .insert(cohorts)
    .values([
      { name: "Promo A", startsOn: "2025-09-01", endsOn: "2026-03-01" },
      { name: "Promo B", startsOn: "2025-10-01", endsOn: "2026-04-01" },
    ])
    .returning();
  cohortIds.A = a!.id;
  cohortIds.B = b!.id;
  for (const spec of SPECS) {
    const user = await makeUser(db, spec.name);
    await db
      .update(users)
      .set({ createdAt: ago(400) })
      .where(eq(users.id, user.id));
    await db.insert(cohortMembers).values({ userId: user.id, cohortId: cohortIds[spec.cohort] });
    if (spec.invited === null) continue;
    await db.insert(surveys).values({
      userId: user.id,
      basis: "cohort_end",
      dueOn: "2026-09-01",
      invitedAt: ago(spec.invited),
      ...(spec.answered
        ? {
            answeredAt: ago(spec.answered.daysAgo),
            questionVersion: 1,
            situation: spec.answered.situation,
            satisfaction: spec.answered.score,
            helped: spec.answered.helped,
          }
        : {}),
    });
  }
  // A staff member's answer never counts (not in the population).
  await db.insert(surveys).values({
    userId: staff.id,
    basis: "outcome",
    dueOn: "2026-10-01",
    invitedAt: ago(20),
    answeredAt: ago(19),
    questionVersion: 1,
    situation: "cdi",
    satisfaction: 1,
  });
  // Four declarations in cohort B: fewer than five people.
  for (const name of ["Gina", "Hervé", "Iris", "Jules"]) {
    const [user] = await db.select().from(users).where(eq(users.name, name));
    await db
      .insert(outcomes)
      .values({ userId: user!.id, kind: "cdi", isEss: true, startsOn: "2026-10-01", sharing: "nobody" });
  }
});
afterAll(async () => {
  await testDb.close();
});

const ctx = () => contextFor(actorOf(staff), testDb.db);
const inPeriod = (daysAgo: number) => ago(daysAgo).toISOString().slice(0, 10) >= FROM;
const pct = (part: number, whole: number) => (whole ? Math.round((part / whole) * 1000) / 10 : null);

function expected(cohort: "A" | "B" | null) {
  const pop = SPECS.filter((spec) => cohort === null || spec.cohort === cohort);
  const invited = pop.filter((spec) => spec.invited !== null && inPeriod(spec.invited));
  const answers = pop.flatMap((spec) => (spec.answered && inPeriod(spec.answered.daysAgo) ? [spec.answered] : []));
  const answeredOfInvited = invited.filter((spec) => spec.answered).length;
  const satisfied = answers.filter((answer) => answer.score >= 4).length;
  return {
    invited: invited.length,
    answeredOfInvited,
    answers: answers.length,
    satisfied,
    byScore: [1, 2, 3, 4, 5].map((score) => ({ score, count: answers.filter((a) => a.score === score).length })),
    byHelp: surveyHelps.map((help) => ({ help, count: answers.filter((a) => a.helped.includes(help)).length })),
    satisfiedShare: pct(satisfied, answers.length),
    responseRate: pct(answeredOfInvited, invited.length),
  };
}

describe("satisfaction indicators", () => {
  for (const cohort of [null, "A", "B"] as const) {
    it(`match an independent recomputation (${cohort ?? "all members"})`, async () => {
      const dashboard = await getImpactDashboard(
        ctx(),
        { cohort: cohort ? cohortIds[cohort] : null, from: FROM, to: TO },
        NOW,
      );
      const want = expected(cohort);
      expect(dashboard.satisfaction).toMatchObject({
        invited: want.invited,
        answeredOfInvited: want.answeredOfInvited,
        answers: want.answers,
        satisfied: want.satisfied,
        byScore: want.byScore,
        byHelp: want.byHelp,
      });
      const rates = impactRates(dashboard);
      expect(rates.satisfiedShare).toBe(want.satisfiedShare);
      expect(rates.responseRate).toBe(want.responseRate);
    });
  }

  it("spot-checks all members by hand", async () => {
    const dashboard = await getImpactDashboard(ctx(), { from: FROM, to: TO }, NOW);
    // Invited in the period: Ana, Ben, Célia, David, Élise, Hervé, Iris (7), answered: Ana, Ben, Célia, Élise, Hervé (5).
    expect(impactRates(dashboard).responseRate).toBe(71.4);
    // Answers in the period: Ana 5, Ben 4, Célia 3, Élise 2, Hervé 4 (Farid and Gina answered before it): 3 of 5.
    expect(impactRates(dashboard).satisfiedShare).toBe(60);
  });

  it("exports scores and helps as CSV, and keeps groups under five whole in the funders' export", async () => {
    const scores = await exportImpactCsv(ctx(), "satisfaction", { from: FROM, to: TO }, NOW);
    expect(scores.headers).toEqual(["Note sur 5", "Réponses", "Part (%)"]);
    expect(scores.rows).toEqual([
      [1, 0, 0],
      [2, 1, 20],
      [3, 1, 20],
      [4, 2, 40],
      [5, 1, 20],
    ]);
    const all = await exportImpactCsv(ctx(), "funders", { from: FROM, to: TO }, NOW);
    const value = (csv: typeof all, label: string) => csv.rows.find((row) => row[0] === label)?.[1];
    expect(value(all, "Satisfaits, 4 ou 5 sur 5 (%)")).toBe(60);
    expect(value(all, "Situation à six mois : CDI")).toBe(2);
    // Cohort B: three answers in the period or before, one in it; four declarations.
    const small = await exportImpactCsv(ctx(), "funders", { cohort: cohortIds.B, from: FROM, to: TO }, NOW);
    expect(value(small, "Satisfaits, 4 ou 5 sur 5 (%)")).toBe(TOO_FEW);
    expect(value(small, "Situation à six mois")).toBe(TOO_FEW);
    expect(value(small, "Sorties positives (%)")).toBe(TOO_FEW);
    expect(value(small, "Sorties par type")).toBe(TOO_FEW);
    expect(small.rows.some((row) => String(row[0]).startsWith("Sorties : "))).toBe(false);
    expect(value(small, "Membres ayant déclaré une sortie")).toBe(4);
    // No one is ever named in it.
    const text = JSON.stringify([all.rows, small.rows]);
    for (const spec of SPECS) expect(text).not.toContain(spec.name);
  });
});
