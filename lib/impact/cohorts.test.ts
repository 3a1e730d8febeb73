import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { cohortMembers, users, type User } from "@/db/schema";
import { createServiceTestDb } from "@/db/service-testing";
import { actorOf, makeUser } from "@/db/test-factories";
import type { TestDb } from "@/db/testing";
import { contextFor } from "@/lib/context";
import { AppError } from "@/lib/errors";
import { cohortSchema } from "@/lib/validation/impact";
import {
  createCohort,
  getCohortPage,
  isFinished,
  listCohortsForStaff,
  placeInCohortById,
  placeMember,
  removeMember,
} from "./cohorts";
import { admissionDecisionSchema } from "@/lib/validation/admission";

vi.mock("next-intl/server", () => ({ getTranslations: async () => (key: string) => key }));

let testDb: TestDb & { dataDir: string };
let staff: User;
let member: User;
const NOW = new Date("2026-11-20T10:00:00Z");

beforeAll(async () => {
  testDb = await createServiceTestDb();
  staff = await makeUser(testDb.db, "Fanny", "facilitator");
  member = await makeUser(testDb.db, "Camille");
});
afterAll(async () => {
  await testDb.close();
});

const ctx = () => contextFor(actorOf(staff), testDb.db);

describe("cohorts", () => {
  it("refuses an end before the start with a field message", () => {
    const parsed = cohortSchema.safeParse({
      name: "Promo",
      territory: "",
      startsOn: "2026-09-01",
      endsOn: "2026-08-01",
    });
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues[0]).toMatchObject({ path: ["endsOn"], message: "cohorts.errors.endBeforeStart" });
  });

  it("places a member by e-mail, moves them to another cohort, and marks finished cohorts as alumni", async () => {
    const spring = await createCohort(ctx(), {
      name: "Printemps",
      territory: "Lyon",
      startsOn: "2026-01-05",
      endsOn: "2026-06-30",
    });
    const autumn = await createCohort(ctx(), {
      name: "Automne",
      territory: "Lyon",
      startsOn: "2026-09-01",
      endsOn: "2027-01-31",
    });
    await placeMember(ctx(), { cohortId: spring.id, email: member.email.toUpperCase() });
    await placeMember(ctx(), { cohortId: autumn.id, email: member.email });
    const rows = await testDb.db.select().from(cohortMembers).where(eq(cohortMembers.userId, member.id));
    expect(rows.map((row) => row.cohortId)).toEqual([autumn.id]);
    const listed = await listCohortsForStaff(ctx(), NOW);
    expect(listed.map((row) => [row.name, row.memberCount, row.isFinished])).toEqual([
      ["Automne", 1, false],
      ["Printemps", 0, true],
    ]);
    expect(isFinished({ endsOn: "2026-11-19" }, NOW)).toBe(true);
    expect(isFinished({ endsOn: "2026-11-20" }, NOW)).toBe(false);
    await removeMember(ctx(), { cohortId: autumn.id, userId: member.id });
    expect((await getCohortPage(ctx(), autumn.id, NOW)).members).toEqual([]);
  });

  it("refuses an unknown or pending account with a message beside the e-mail field", async () => {
    const cohort = await createCohort(ctx(), {
      name: "Été",
      territory: "",
      startsOn: "2026-06-01",
      endsOn: "2026-08-31",
    });
    const pending = await makeUser(testDb.db, "Léa");
    await testDb.db.update(users).set({ status: "pending" }).where(eq(users.id, pending.id));
    for (const email of ["personne@example.org", pending.email]) {
      const error = await placeMember(ctx(), { cohortId: cohort.id, email }).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(AppError);
      expect(error).toMatchObject({ messageKey: "cohorts.errors.noSuchMember", field: "email" });
    }
    const refused = await removeMember(contextFor(actorOf(member), testDb.db), {
      cohortId: cohort.id,
      userId: member.id,
    }).catch((caught: unknown) => caught);
    expect(refused).toBeInstanceOf(AppError);
  });

  it("admission can place the newcomer in a cohort (staff only; blank means none)", async () => {
    const cohort = await createCohort(ctx(), {
      name: "Hiver",
      territory: "",
      startsOn: "2026-12-01",
      endsOn: "2027-03-31",
    });
    const newcomer = await makeUser(testDb.db, "Nouveau");
    const parsed = admissionDecisionSchema.parse({
      userId: newcomer.id,
      decision: "approve",
      message: "",
      cohortId: String(cohort.id),
    });
    expect(parsed.cohortId).toBe(cohort.id);
    expect(
      admissionDecisionSchema.parse({ userId: newcomer.id, decision: "approve", message: "", cohortId: "" }).cohortId,
    ).toBeNull();
    const refused = await placeInCohortById(contextFor(actorOf(member), testDb.db), {
      cohortId: cohort.id,
      userId: newcomer.id,
    }).catch((caught: unknown) => caught);
    expect(refused).toBeInstanceOf(AppError);
    await placeInCohortById(ctx(), { cohortId: cohort.id, userId: newcomer.id });
    expect((await getCohortPage(ctx(), cohort.id, NOW)).members.map((row) => row.name)).toEqual(["Nouveau"]);
  });
});
