import "server-only";
import { getApplication } from "@/db/queries/applications";
import {
  deleteOwnOutcome,
  findOverlappingOutcome,
  getJoinedOn,
  getOwnOutcome,
  insertOutcome,
  listOwnOutcomes,
  updateOwnOutcome,
  type OutcomeRow,
} from "@/db/queries/outcomes";
import type { ServiceContext } from "@/lib/context";
import { OUTCOME_SAME_PERIOD_DAYS } from "@/lib/domain/outcomes";
import { zonedDate } from "@/lib/domain/rhythm";
import { AppError } from "@/lib/errors";
import { canDeclareOutcome } from "@/lib/permissions/outcomes";
import type { OutcomeInput } from "@/lib/validation/outcomes";
import { publishCelebration, removeCelebration } from "./celebration";

function requireMember(ctx: ServiceContext) {
  if (!canDeclareOutcome(ctx.actor)) throw new AppError("unauthenticated");
  return ctx.actor;
}

/** Refuses what cannot be true: a start in the future, before joining, or a second job for the same period. */
async function checkDates(ctx: ServiceContext, userId: string, input: OutcomeInput, now: Date, exceptId?: number) {
  const today = zonedDate(now).date;
  if (input.startsOn > today) {
    throw new AppError("bad_request", "outcomes.errors.future", { field: "startsOn" });
  }
  const joinedOn = await getJoinedOn(ctx.db, { userId });
  if (joinedOn && input.startsOn < joinedOn) {
    throw new AppError("bad_request", "outcomes.errors.beforeJoining", { values: { date: joinedOn } });
  }
  const overlapping = await findOverlappingOutcome(ctx.db, {
    userId,
    startsOn: input.startsOn,
    days: OUTCOME_SAME_PERIOD_DAYS,
    exceptId,
  });
  if (overlapping) {
    throw new AppError("conflict", "outcomes.errors.samePeriod", { values: { date: overlapping.startsOn } });
  }
}

/** "J'ai trouvé !": records the declaration; shared with the community, it is celebrated in *Victoires*. */
export async function declareOutcome(ctx: ServiceContext, input: OutcomeInput, now = new Date()): Promise<OutcomeRow> {
  const actor = requireMember(ctx);
  await checkDates(ctx, actor.id, input, now);
  // Only the member's own tracked application may be linked.
  const application = input.applicationId
    ? await getApplication(ctx.db, { id: input.applicationId, userId: actor.id })
    : null;
  const outcome = await insertOutcome(ctx.db, {
    userId: actor.id,
    kind: input.kind,
    isEss: input.isEss,
    organisation: input.organisation,
    startsOn: input.startsOn,
    sharing: input.sharing,
    applicationId: application?.id ?? null,
  });
  if (input.sharing !== "community") return outcome;
  try {
    return await publishCelebration(ctx.db, actor, outcome);
  } catch (error) {
    // Refused celebration (e.g. the hourly thread limit): nothing stays half-done, so the same
    // submission can be sent again without hitting "already declared for this period".
    await deleteOwnOutcome(ctx.db, { id: outcome.id, userId: actor.id });
    throw error;
  }
}

/** Corrects a declaration; its celebration follows the sharing choice (published, or taken down). */
export async function correctOutcome(
  ctx: ServiceContext,
  id: number,
  input: OutcomeInput,
  now = new Date(),
): Promise<OutcomeRow> {
  const actor = requireMember(ctx);
  const current = await getOwnOutcome(ctx.db, { id, userId: actor.id });
  if (!current || current.withdrawnAt) throw new AppError("not_found");
  await checkDates(ctx, actor.id, input, now, id);
  let updated = (await updateOwnOutcome(ctx.db, {
    id,
    userId: actor.id,
    kind: input.kind,
    isEss: input.isEss,
    organisation: input.organisation,
    startsOn: input.startsOn,
    sharing: input.sharing,
  }))!;
  if (input.sharing !== "community") updated = await removeCelebration(ctx.db, updated);
  else if (!updated.threadId) updated = await publishCelebration(ctx.db, actor, updated);
  return updated;
}

/** Withdraws a declaration: it leaves every figure, and its celebration is taken down. */
export async function withdrawOutcome(ctx: ServiceContext, id: number, now = new Date()): Promise<void> {
  const actor = requireMember(ctx);
  const current = await getOwnOutcome(ctx.db, { id, userId: actor.id });
  if (!current || current.withdrawnAt) throw new AppError("not_found");
  const updated = await updateOwnOutcome(ctx.db, { id, userId: actor.id, withdrawnAt: now });
  await removeCelebration(ctx.db, updated!);
}

export async function listMyOutcomes(ctx: ServiceContext) {
  const actor = requireMember(ctx);
  return listOwnOutcomes(ctx.db, { userId: actor.id });
}

/** The form's starting values: a declaration to correct, or the application moved to "Acceptée". */
export async function getOutcomeFormDefaults(
  ctx: ServiceContext,
  { editId, applicationId }: { editId?: number; applicationId?: number },
) {
  const actor = requireMember(ctx);
  if (editId) {
    const outcome = await getOwnOutcome(ctx.db, { id: editId, userId: actor.id });
    if (!outcome || outcome.withdrawnAt) throw new AppError("not_found");
    return { outcome, application: null };
  }
  if (applicationId) {
    const application = await getApplication(ctx.db, { id: applicationId, userId: actor.id });
    if (application?.status === "accepted") {
      return {
        outcome: null,
        application: {
          id: application.id,
          organisation: application.offer.organisation,
          title: application.offer.title,
          decidedOn: application.decidedOn,
          contract: application.offer.contract,
        },
      };
    }
  }
  return { outcome: null, application: null };
}
