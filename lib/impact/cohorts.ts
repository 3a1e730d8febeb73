import "server-only";
import {
  findMemberByEmail,
  getCohort,
  insertCohort,
  listCohortMembers,
  listCohorts,
  placeInCohort,
  removeFromCohort,
} from "@/db/queries/cohorts";
import type { ServiceContext } from "@/lib/context";
import { zonedDate } from "@/lib/domain/rhythm";
import { AppError } from "@/lib/errors";
import { canManageCohorts } from "@/lib/permissions/outcomes";
import type { CohortInput } from "@/lib/validation/impact";

function requireStaff(ctx: ServiceContext) {
  if (!canManageCohorts(ctx.actor)) throw new AppError("not_found");
  return ctx.actor!;
}

/** A finished cohort's members are alumni: they keep their access, only the label changes. */
export function isFinished(cohort: { endsOn: string }, now = new Date()): boolean {
  return cohort.endsOn < zonedDate(now).date;
}

export async function createCohort(ctx: ServiceContext, input: CohortInput) {
  const actor = requireStaff(ctx);
  return insertCohort(ctx.db, { ...input, createdById: actor.id });
}

export async function listCohortsForStaff(ctx: ServiceContext, now = new Date()) {
  requireStaff(ctx);
  const rows = await listCohorts(ctx.db);
  return rows.map((row) => ({ ...row, isFinished: isFinished(row, now) }));
}

export async function getCohortPage(ctx: ServiceContext, id: number, now = new Date()) {
  requireStaff(ctx);
  const cohort = await getCohort(ctx.db, { id });
  if (!cohort) throw new AppError("not_found");
  const members = await listCohortMembers(ctx.db, { cohortId: id });
  return { cohort: { ...cohort, isFinished: isFinished(cohort, now) }, members };
}

/** Places an admitted member (found by e-mail) in the cohort; moves them from their previous one. */
export async function placeMember(ctx: ServiceContext, { cohortId, email }: { cohortId: number; email: string }) {
  requireStaff(ctx);
  if (!(await getCohort(ctx.db, { id: cohortId }))) throw new AppError("not_found");
  const member = await findMemberByEmail(ctx.db, { email });
  if (!member || member.status === "pending") {
    throw new AppError("bad_request", "cohorts.errors.noSuchMember", { field: "email" });
  }
  await placeInCohort(ctx.db, { userId: member.id, cohortId });
}

/** Places a member known by id (admission's decision form), once approved. */
export async function placeInCohortById(
  ctx: ServiceContext,
  { cohortId, userId }: { cohortId: number; userId: string },
) {
  requireStaff(ctx);
  if (!(await getCohort(ctx.db, { id: cohortId }))) throw new AppError("not_found");
  await placeInCohort(ctx.db, { userId, cohortId });
}

export async function removeMember(ctx: ServiceContext, { cohortId, userId }: { cohortId: number; userId: string }) {
  requireStaff(ctx);
  await removeFromCohort(ctx.db, { userId, cohortId });
}
