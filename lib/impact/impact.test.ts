/**
 * The Impact dashboard recomputed independently: the test inserts rows described by plain arrays,
 * computes every figure from those arrays in TypeScript, and compares with the SQL.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createThread } from "@/db/queries/threads";
import {
  activities,
  activityRsvps,
  checkinWeeks,
  checkins,
  cohortMembers,
  cohorts,
  outcomes,
  posts,
  reviewFeedback,
  reviewRequests,
  reviewVersions,
  threadReads,
  threads,
  users,
  type User,
} from "@/db/schema";
import { createServiceTestDb } from "@/db/service-testing";
import { actorOf, channelId, documentFromText, makeUser } from "@/db/test-factories";
import type { TestDb } from "@/db/testing";
import { contextFor } from "@/lib/context";
import { DEFAULT_POSITIVE_KINDS, type OutcomeKind, type OutcomeSharing } from "@/lib/domain/outcomes";
import { AppError } from "@/lib/errors";
import { threadRow } from "@/lib/forum/content";
import { listMembersWithContext } from "@/db/queries/impact";
import { exportImpactCsv } from "./export";
import { getImpactDashboard, impactRates, listMembersPage, savePositiveRule } from "./service";

vi.mock("next-intl/server", () => ({ getTranslations: async () => (key: string) => key }));

const NOW = new Date("2026-11-20T12:00:00Z");
const DAY = 86_400_000;
const ago = (days: number) => new Date(NOW.getTime() - days * DAY);
const FROM = "2026-09-01";
const TO = "2026-11-20";

let testDb: TestDb & { dataDir: string };
let staff: User;
let pro: User;
let cohortA: number;
let cohortB: number;

type MemberSpec = {
  name: string;
  cohort: "A" | "B" | null;
  joinedDaysAgo: number;
  /** Check-in weeks (indexes into WEEKS) and how many days ago each was posted. */
  checkins: { week: number; daysAgo: number }[];
  postDaysAgo?: number;
  readDaysAgo?: number;
  outcomes: { kind: OutcomeKind; isEss: boolean; startsOn: string; sharing: OutcomeSharing; withdrawn?: boolean }[];
  attended: number[];
};

const WEEKS = ["2026-11-02", "2026-11-09", "2026-11-16", "2026-08-24"];
const MEMBERS: MemberSpec[] = [
  {
    name: "Alice",
    cohort: "A",
    joinedDaysAgo: 80,
    checkins: [
      { week: 0, daysAgo: 18 },
      { week: 2, daysAgo: 4 },
    ],
    outcomes: [{ kind: "cdi", isEss: true, startsOn: "2026-11-02", sharing: "community" }],
    attended: [0],
  },
  {
    name: "Bastien",
    cohort: "A",
    joinedDaysAgo: 80,
    checkins: [{ week: 0, daysAgo: 18 }],
    postDaysAgo: 20,
    outcomes: [{ kind: "cdd_short", isEss: false, startsOn: "2026-10-15", sharing: "facilitators" }],
    attended: [0, 1],
  },
  {
    name: "Chloé",
    cohort: "A",
    joinedDaysAgo: 70,
    checkins: [{ week: 1, daysAgo: 11 }],
    outcomes: [{ kind: "alternance", isEss: true, startsOn: "2026-10-01", sharing: "nobody" }],
    attended: [],
  },
  {
    name: "Dounia",
    cohort: "A",
    joinedDaysAgo: 60,
    checkins: [],
    readDaysAgo: 25,
    outcomes: [{ kind: "formation", isEss: false, startsOn: "2026-11-10", sharing: "community", withdrawn: true }],
    attended: [1],
  },
  {
    name: "Émile",
    cohort: "A",
    joinedDaysAgo: 100,
    checkins: [{ week: 3, daysAgo: 88 }],
    postDaysAgo: 2,
    outcomes: [
      { kind: "creation", isEss: true, startsOn: "2026-08-20", sharing: "community" },
      { kind: "cdi", isEss: true, startsOn: "2026-11-15", sharing: "facilitators" },
    ],
    attended: [],
  },
  {
    name: "Fatou",
    cohort: "B",
    joinedDaysAgo: 300,
    checkins: [
      { week: 1, daysAgo: 11 },
      { week: 2, daysAgo: 3 },
    ],
    outcomes: [{ kind: "service_civique", isEss: true, startsOn: "2026-09-10", sharing: "facilitators" }],
    attended: [0],
  },
  { name: "Gaspard", cohort: "B", joinedDaysAgo: 290, checkins: [], outcomes: [], attended: [] },
  { name: "Hugo", cohort: null, joinedDaysAgo: 5, checkins: [], outcomes: [], attended: [] },
];
/** Activities: [host ("member" = Alice, else staff), status, start days ago, hours]. */
const ACTIVITIES: { hostIsMember: boolean; status: "published" | "cancelled"; daysAgo: number; hours: number }[] = [
  { hostIsMember: true, status: "published", daysAgo: 10, hours: 2 },
  { hostIsMember: false, status: "published", daysAgo: 40, hours: 1.5 },
  { hostIsMember: false, status: "cancelled", daysAgo: 5, hours: 3 },
];

/** Posts of the two questions below: each asker's question and Fatou's answer. */
const QUESTION_POSTS_DAYS_AGO: Record<string, number[]> = { Bastien: [12], Alice: [12], Fatou: [11] };

const users_: Record<string, User> = {};
const activityIds: number[] = [];

beforeAll(async () => {
  testDb = await createServiceTestDb({ RATE_LIMITS: "off" });
  const db = testDb.db;
  staff = await makeUser(db, "Fanny", "facilitator");
  pro = await makeUser(db, "Pro", "pro");
  const created = await db
    .insert(cohorts)
    .values([
      { name: "Promo automne", territory: "Lyon", startsOn: "2026-09-01", endsOn: "2026-12-31" },
      { name: "Promo printemps", territory: "Lyon", startsOn: "2026-01-05", endsOn: "2026-06-30" },
    ])
    .returning();
  cohortA = created[0]!.id;
  cohortB = created[1]!.id;
  const weekIds = await db
    .insert(checkinWeeks)
    .values(WEEKS.map((weekStart) => ({ weekStart, questions: {} as never })))
    .returning();
  for (const spec of MEMBERS) {
    const user = await makeUser(db, spec.name);
    users_[spec.name] = user;
    await db
      .update(users)
      .set({ createdAt: ago(spec.joinedDaysAgo) })
      .where(eq(users.id, user.id));
    if (spec.cohort)
      await db.insert(cohortMembers).values({ userId: user.id, cohortId: spec.cohort === "A" ? cohortA : cohortB });
    for (const checkin of spec.checkins) {
      await db
        .insert(checkins)
        .values({ weekId: weekIds[checkin.week]!.id, userId: user.id, goals: ["x"], createdAt: ago(checkin.daysAgo) });
    }
    for (const outcome of spec.outcomes) {
      await db.insert(outcomes).values({
        userId: user.id,
        ...outcome,
        withdrawnAt: outcome.withdrawn ? NOW : null,
        withdrawn: undefined,
      } as never);
    }
  }
  const { thread, postId } = await createThread(
    db,
    threadRow({
      channelId: await channelId(db, "entraide"),
      authorId: users_.Bastien!.id,
      title: "Question",
      body: documentFromText("?"),
    }),
  );
  await db
    .update(posts)
    .set({ createdAt: ago(20) })
    .where(eq(posts.id, postId));
  const emile = await createThread(
    db,
    threadRow({
      channelId: await channelId(db, "entraide"),
      authorId: users_["Émile"]!.id,
      title: "Bonjour",
      body: documentFromText("!"),
    }),
  );
  await db
    .update(posts)
    .set({ createdAt: ago(2) })
    .where(eq(posts.id, emile.postId));
  await db
    .insert(threadReads)
    .values({ userId: users_.Dounia!.id, threadId: thread.id, lastReadNumber: 1, updatedAt: ago(25) });
  for (const spec of ACTIVITIES) {
    const [row] = await db
      .insert(activities)
      .values({
        title: "Atelier",
        kind: "atelier",
        startsAt: ago(spec.daysAgo),
        endsAt: new Date(ago(spec.daysAgo).getTime() + spec.hours * 3_600_000),
        hostId: spec.hostIsMember ? users_.Alice!.id : staff.id,
        proposedById: staff.id,
        status: spec.status,
      })
      .returning();
    activityIds.push(row!.id);
  }
  for (const spec of MEMBERS) {
    for (const index of spec.attended) {
      await db.insert(activityRsvps).values({
        activityId: activityIds[index]!,
        userId: users_[spec.name]!.id,
        response: "going",
        respondedAt: ago(ACTIVITIES[index]!.daysAgo + 3),
        attendance: "present",
      });
    }
  }
  // Two questions 12 days ago: Bastien's answered by the pro, Alice's by a member only.
  for (const [asker, answerer] of [
    [users_.Bastien!, pro],
    [users_.Alice!, users_.Fatou!],
  ] as const) {
    const question = await createThread(
      db,
      threadRow({
        channelId: await channelId(db, "entraide"),
        authorId: asker.id,
        title: `Question de ${asker.name}`,
        body: documentFromText("?"),
        kind: "question",
      }),
    );
    await db
      .update(threads)
      .set({ createdAt: ago(12) })
      .where(eq(threads.id, question.thread.id));
    await db
      .update(posts)
      .set({ createdAt: ago(12) })
      .where(eq(posts.id, question.postId));
    await db
      .insert(posts)
      .values({ threadId: question.thread.id, authorId: answerer.id, number: 2, body: {}, createdAt: ago(11) });
  }
  // A CV request by Chloé (30 days ago), reviewed by Alice 6 h later and by the pro 2 days later.
  const cv = await createThread(
    db,
    threadRow({
      channelId: await channelId(db, "cv"),
      authorId: users_["Chloé"]!.id,
      title: "Mon CV",
      body: documentFromText("CV"),
      kind: "review",
    }),
  );
  await db
    .update(posts)
    .set({ createdAt: ago(30) })
    .where(eq(posts.id, cv.postId));
  await db
    .insert(reviewRequests)
    .values({ threadId: cv.thread.id, docKind: "cv", target: "Chargée", feedbackWanted: "Tout", createdAt: ago(30) });
  const [version] = await db
    .insert(reviewVersions)
    .values({ threadId: cv.thread.id, number: 1, letterText: "x" })
    .returning();
  for (const [author, at] of [
    [users_.Alice!, new Date(ago(30).getTime() + 6 * 3_600_000)],
    [pro, ago(28)],
  ] as const) {
    const [post] = await db
      .insert(posts)
      .values({ threadId: cv.thread.id, authorId: author.id, number: author === pro ? 3 : 2, body: {}, createdAt: at })
      .returning();
    await db.insert(reviewFeedback).values({
      postId: post!.id,
      threadId: cv.thread.id,
      versionId: version!.id,
      authorId: author.id,
      scores: {} as never,
      createdAt: at,
    });
  }
});
afterAll(async () => {
  await testDb.close();
});

const ctx = () => contextFor(actorOf(staff), testDb.db);
const joinedOn = (spec: MemberSpec) => ago(spec.joinedDaysAgo).toISOString().slice(0, 10);
const daysBetween = (a: string, b: string) => Math.round((Date.parse(a) - Date.parse(b)) / DAY);
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length / 2;
  return sorted.length % 2 ? sorted[Math.floor(middle)]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

/** Every figure of the dashboard, from the arrays above. */
function expected(cohort: "A" | "B" | null) {
  const pop = MEMBERS.filter((spec) => cohort === null || spec.cohort === cohort);
  const inPeriod = (date: string) => date >= FROM && date <= TO;
  const lastActs = (spec: MemberSpec) => [
    ...spec.checkins.map((c) => c.daysAgo),
    ...(spec.postDaysAgo !== undefined ? [spec.postDaysAgo] : []),
    ...(QUESTION_POSTS_DAYS_AGO[spec.name] ?? []),
    ...spec.attended.flatMap((index) => [ACTIVITIES[index]!.daysAgo, ACTIVITIES[index]!.daysAgo + 3]),
  ];
  const declared = pop.flatMap((spec) =>
    spec.outcomes.filter((o) => !o.withdrawn && inPeriod(o.startsOn)).map((o) => ({ ...o, spec })),
  );
  const withOutcome = new Set(declared.map((o) => o.spec.name));
  const positive = new Set(declared.filter((o) => DEFAULT_POSITIVE_KINDS.includes(o.kind)).map((o) => o.spec.name));
  const firstDays = [...withOutcome].map((name) => {
    const mine = declared.filter((o) => o.spec.name === name).sort((a, b) => a.startsOn.localeCompare(b.startsOn));
    return daysBetween(mine[0]!.startsOn, joinedOn(mine[0]!.spec));
  });
  const held = ACTIVITIES.map((a, index) => ({ ...a, index })).filter((a) => a.status === "published");
  const hours = held.reduce(
    (sum, a) => sum + a.hours * pop.filter((spec) => spec.attended.includes(a.index)).length,
    0,
  );
  const popNames = new Set(pop.map((spec) => spec.name));
  return {
    members: pop.length,
    admitted: pop.filter((spec) => inPeriod(joinedOn(spec))).length,
    active7: pop.filter((spec) => lastActs(spec).some((d) => d <= 7)).length,
    active30: pop.filter((spec) => lastActs(spec).some((d) => d <= 30)).length,
    weeks: WEEKS.filter(inPeriod)
      .sort()
      .map((week) => ({
        weekStart: week,
        checkins: pop.filter((spec) => spec.checkins.some((c) => WEEKS[c.week] === week)).length,
      })),
    declarations: declared.length,
    membersWithOutcome: withOutcome.size,
    membersPositive: positive.size,
    essDeclarations: declared.filter((o) => o.isEss).length,
    averageDays: firstDays.length ? firstDays.reduce((a, b) => a + b, 0) / firstDays.length : null,
    medianDays: firstDays.length ? median(firstDays) : null,
    held: held.length,
    ledByMembers: held.filter((a) => a.hostIsMember && popNames.size > 0).length,
    hours,
    givenByMembers: popNames.has("Alice") ? 1 : 0,
    receivedByMembers: popNames.has("Chloé") ? 2 : 0,
    medianHoursToFirstCvReview: popNames.has("Chloé") ? 6 : null,
    questionsAnsweredByPros: popNames.has("Bastien") ? 1 : 0,
    followUp: pop
      .filter((spec) => spec.joinedDaysAgo > 10)
      .map((spec) => {
        const checkin = Math.min(...spec.checkins.map((c) => c.daysAgo));
        const visit = Math.min(checkin, ...lastActs(spec), spec.readDaysAgo ?? Infinity);
        return { name: spec.name, checkin, visit };
      })
      .filter((row) => row.checkin > 14 && row.visit > 10)
      .sort((a, b) => b.visit - a.visit || a.name.localeCompare(b.name))
      .map((row) => row.name),
    named: declared
      .filter((o) => o.sharing !== "nobody")
      .map((o) => o.spec.name)
      .sort(),
  };
}

describe("Impact dashboard", () => {
  for (const cohort of [null, "A", "B"] as const) {
    it(`matches an independent recomputation (${cohort ?? "all members"})`, async () => {
      const cohortId = cohort === "A" ? cohortA : cohort === "B" ? cohortB : null;
      const dashboard = await getImpactDashboard(ctx(), { cohort: cohortId, from: FROM, to: TO }, NOW);
      const want = expected(cohort);
      expect(dashboard.members).toEqual({
        members: want.members,
        admitted: want.admitted,
        active7: want.active7,
        active30: want.active30,
      });
      expect(dashboard.weeks).toEqual(want.weeks);
      expect(dashboard.outcomes).toMatchObject({
        declarations: want.declarations,
        membersWithOutcome: want.membersWithOutcome,
        membersPositive: want.membersPositive,
        essDeclarations: want.essDeclarations,
      });
      expect(dashboard.outcomes.averageDays).toBeCloseTo(want.averageDays ?? NaN, 6);
      expect(dashboard.outcomes.medianDays).toBe(want.medianDays);
      expect(dashboard.activities.held).toBe(want.held);
      expect(dashboard.activities.ledByMembers).toBe(want.ledByMembers);
      expect(dashboard.activities.hoursAttended).toBeCloseTo(want.hours, 6);
      expect(dashboard.reviews).toEqual({
        givenByMembers: want.givenByMembers,
        receivedByMembers: want.receivedByMembers,
        medianHoursToFirstCvReview: want.medianHoursToFirstCvReview,
        questionsAnsweredByPros: want.questionsAnsweredByPros,
      });
      expect(dashboard.named.map((row) => row.name).sort()).toEqual(want.named);
      expect(dashboard.toFollowUp.map((row) => row.name)).toEqual(want.followUp);
    });
  }

  it("spot-checks the figures by hand for all members", async () => {
    const dashboard = await getImpactDashboard(ctx(), { from: FROM, to: TO }, NOW);
    // Alice CDI + Bastien CDD<6 + Chloé alternance + Émile CDI + Fatou service civique (Dounia's withdrawn, Émile's creation before the period).
    expect(dashboard.outcomes.declarations).toBe(5);
    expect(impactRates(dashboard).positiveShare).toBe(60);
    expect(dashboard.outcomes.byKind).toEqual([
      { kind: "cdi", count: 2 },
      { kind: "alternance", count: 1 },
      { kind: "cdd_short", count: 1 },
      { kind: "service_civique", count: 1 },
    ]);
    // Gaspard (nothing ever), Dounia (read 25 days ago, never checked in); Bastien attended 10 days ago, Hugo is new.
    expect(dashboard.toFollowUp.map((row) => row.name)).toEqual(["Gaspard", "Dounia"]);
  });

  it("never names a declaration shared with nobody, on the page or in any export", async () => {
    const dashboard = await getImpactDashboard(ctx(), { from: FROM, to: TO }, NOW);
    expect(dashboard.named.find((row) => row.name === "Chloé")).toBeUndefined();
    // Still counted in the anonymous totals.
    expect(dashboard.outcomes.byKind.find((row) => row.kind === "alternance")?.count).toBe(1);
    for (const table of ["outcomes", "members", "follow-up"] as const) {
      const csv = await exportImpactCsv(ctx(), table, { from: FROM, to: TO }, NOW);
      const chloe = csv.rows.filter((row) => row[0] === "Chloé");
      for (const row of chloe) expect(row.join(" ")).not.toMatch(/Alternance/);
      if (table === "outcomes") expect(chloe).toEqual([]);
    }
    const members = await exportImpactCsv(ctx(), "members", { from: FROM, to: TO }, NOW);
    expect(members.rows.find((row) => row[0] === "Bastien")?.[7]).toBe("CDD < 6 mois");
  });

  it("pages the member list by name with a keyset cursor, every member once", async () => {
    const filter = { cohortId: null, from: FROM, to: TO, now: NOW, positiveKinds: [...DEFAULT_POSITIVE_KINDS] };
    const seen: string[] = [];
    let after: { name: string; id: string } | undefined;
    for (let page = 0; page < 5; page++) {
      const rows = await listMembersWithContext(testDb.db, filter, { limit: 3, after });
      seen.push(...rows.map((row) => row.name));
      if (rows.length < 3) break;
      after = { name: rows.at(-1)!.name, id: rows.at(-1)!.userId };
    }
    // Every member exactly once (the order is the database's collation).
    expect(seen).toHaveLength(MEMBERS.length);
    expect([...seen].sort()).toEqual(MEMBERS.map((spec) => spec.name).sort());
    const first = await listMembersPage(ctx(), { from: FROM, to: TO }, NOW);
    expect(first.items).toHaveLength(MEMBERS.length);
    expect(first.nextCursor).toBeNull();
  });

  it("follows the configured positive-exit rule", async () => {
    await savePositiveRule(ctx(), ["cdi", "cdd_short"]);
    const dashboard = await getImpactDashboard(ctx(), { from: FROM, to: TO }, NOW);
    expect(dashboard.outcomes.membersPositive).toBe(3);
    await savePositiveRule(ctx(), [...DEFAULT_POSITIVE_KINDS]);
  });

  it("is for facilitators and admins only", async () => {
    for (const actor of [null, actorOf(users_.Alice!), actorOf(pro)]) {
      const error = await getImpactDashboard(contextFor(actor, testDb.db), {}, NOW).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(AppError);
      const csv = await exportImpactCsv(contextFor(actor, testDb.db), "members", {}, NOW).catch(
        (caught: unknown) => caught,
      );
      expect(csv).toBeInstanceOf(AppError);
    }
    const rule = await savePositiveRule(contextFor(actorOf(users_.Alice!), testDb.db), ["other"]).catch(
      (e: unknown) => e,
    );
    expect(rule).toBeInstanceOf(AppError);
  });
});
