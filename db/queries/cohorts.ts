import { asc, desc, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "../client";
import { cohortMembers, cohorts, users } from "../schema";

export type CohortInsert = typeof cohorts.$inferInsert;
export type CohortRow = typeof cohorts.$inferSelect;

export async function insertCohort(db: DbOrTx, values: CohortInsert): Promise<CohortRow> {
  const [row] = await db.insert(cohorts).values(values).returning();
  return row!;
}

export async function getCohort(db: DbOrTx, { id }: { id: number }): Promise<CohortRow | null> {
  const [row] = await db.select().from(cohorts).where(eq(cohorts.id, id));
  return row ?? null;
}

/** Every cohort with its number of members, the most recent first. */
export async function listCohorts(db: DbOrTx): Promise<(CohortRow & { memberCount: number })[]> {
  const rows = await db
    .select({ cohort: cohorts, memberCount: sql<number>`count(${cohortMembers.userId})::int` })
    .from(cohorts)
    .leftJoin(cohortMembers, eq(cohortMembers.cohortId, cohorts.id))
    .groupBy(cohorts.id)
    .orderBy(desc(cohorts.startsOn), desc(cohorts.id));
  return rows.map((row) => ({ ...row.cohort, memberCount: Number(row.memberCount) }));
}

/** Places a member in a cohort (moving them from another one). */
export async function placeInCohort(db: DbOrTx, { userId, cohortId }: { userId: string; cohortId: number }) {
  await db
    .insert(cohortMembers)
    .values({ userId, cohortId })
    .onConflictDoUpdate({ target: cohortMembers.userId, set: { cohortId, placedAt: new Date() } });
}

export async function removeFromCohort(db: DbOrTx, { userId, cohortId }: { userId: string; cohortId: number }) {
  await db
    .delete(cohortMembers)
    .where(sql`${cohortMembers.userId} = ${userId} and ${cohortMembers.cohortId} = ${cohortId}`);
}

export async function listCohortMembers(db: DbOrTx, { cohortId }: { cohortId: number }) {
  return db
    .select({ id: users.id, name: users.name, email: users.email })
    .from(cohortMembers)
    .innerJoin(users, eq(users.id, cohortMembers.userId))
    .where(eq(cohortMembers.cohortId, cohortId))
    .orderBy(asc(users.name))
    .limit(500);
}

/** The member's cohort, if any. */
export async function getMemberCohort(db: DbOrTx, { userId }: { userId: string }): Promise<CohortRow | null> {
  const [row] = await db
    .select({ cohort: cohorts })
    .from(cohortMembers)
    .innerJoin(cohorts, eq(cohorts.id, cohortMembers.cohortId))
    .where(eq(cohortMembers.userId, userId));
  return row?.cohort ?? null;
}

export async function findMemberByEmail(db: DbOrTx, { email }: { email: string }) {
  const [row] = await db
    .select({ id: users.id, role: users.role, status: users.status })
    .from(users)
    .where(sql`lower(${users.email}) = lower(${email})`);
  return row ?? null;
}
