import "server-only";
import { getSettings, setSetting } from "@/db/queries/settings";
import { listCohorts } from "@/db/queries/cohorts";
import {
  getActivitiesSummary,
  getMembersSummary,
  getOutcomesSummary,
  getReviewsSummary,
  listCheckinParticipation,
  listMembersWithContext,
  listNamedOutcomes,
  type ImpactFilter,
} from "@/db/queries/impact";
import { getSatisfactionSummary } from "@/db/queries/impact-satisfaction";
import type { DbOrTx } from "@/db";
import type { ServiceContext } from "@/lib/context";
import { DEFAULT_POSITIVE_KINDS, outcomeKinds, type OutcomeKind } from "@/lib/domain/outcomes";
import { addDays, zonedDate } from "@/lib/domain/rhythm";
import { AppError } from "@/lib/errors";
import { canViewImpact } from "@/lib/permissions/outcomes";
import type { ImpactFilterInput } from "@/lib/validation/impact";

/** Below this many people, rates are not shown in funder reports (they could be recognised). */
export const SMALL_GROUP = 5;

export const POSITIVE_RULE_KEY = "impact.positiveKinds";

/** The kinds counted as positive exits: the facilitators' choice, else the programme's default. */
export async function getPositiveKinds(db: DbOrTx): Promise<OutcomeKind[]> {
  const stored = (await getSettings(db, { keys: [POSITIVE_RULE_KEY] })).get(POSITIVE_RULE_KEY);
  if (!Array.isArray(stored)) return [...DEFAULT_POSITIVE_KINDS];
  return outcomeKinds.filter((kind) => stored.includes(kind));
}

export async function savePositiveRule(ctx: ServiceContext, kinds: OutcomeKind[]): Promise<void> {
  if (!canViewImpact(ctx.actor)) throw new AppError("not_found");
  if (!kinds.length) throw new AppError("bad_request", "impact.errors.ruleEmpty");
  await setSetting(ctx.db, { key: POSITIVE_RULE_KEY, value: kinds });
}

/** Missing dates: the chosen cohort's dates, else the last twelve months up to today. */
export async function resolveFilter(ctx: ServiceContext, input: ImpactFilterInput, now: Date): Promise<ImpactFilter> {
  if (!canViewImpact(ctx.actor)) throw new AppError("not_found");
  const today = zonedDate(now).date;
  const cohorts = await listCohorts(ctx.db);
  const cohort = input.cohort ? cohorts.find((row) => row.id === input.cohort) : null;
  if (input.cohort && !cohort) throw new AppError("not_found");
  const from = input.from ?? cohort?.startsOn ?? addDays(today, -365);
  const to = input.to ?? today;
  if (to < from) throw new AppError("bad_request", "impact.errors.periodReversed");
  return { cohortId: cohort?.id ?? null, from, to, now, positiveKinds: await getPositiveKinds(ctx.db) };
}

/** Everything the dashboard shows, in a fixed number of queries whatever the number of members. */
export async function getImpactDashboard(ctx: ServiceContext, input: ImpactFilterInput, now = new Date()) {
  const filter = await resolveFilter(ctx, input, now);
  const [cohorts, members, weeks, outcomes, activities, reviews, named, toFollowUp, satisfaction] = await Promise.all([
    listCohorts(ctx.db),
    getMembersSummary(ctx.db, filter),
    listCheckinParticipation(ctx.db, filter),
    getOutcomesSummary(ctx.db, filter),
    getActivitiesSummary(ctx.db, filter),
    getReviewsSummary(ctx.db, filter),
    listNamedOutcomes(ctx.db, filter),
    listMembersWithContext(ctx.db, filter, { toFollowUp: true, limit: 200 }),
    getSatisfactionSummary(ctx.db, filter),
  ]);
  return { filter, cohorts, members, weeks, outcomes, activities, reviews, named, toFollowUp, satisfaction };
}

export const MEMBERS_PAGE_SIZE = 50;

/** The member list with context, for facilitators: one page by name (keyset cursor `name|id`). */
export async function listMembersPage(
  ctx: ServiceContext,
  input: ImpactFilterInput & { after?: string },
  now = new Date(),
) {
  const filter = await resolveFilter(ctx, input, now);
  const separator = input.after?.lastIndexOf("|") ?? -1;
  const after =
    input.after && separator > 0
      ? { name: input.after.slice(0, separator), id: input.after.slice(separator + 1) }
      : undefined;
  if (after && !/^[0-9a-f-]{36}$/i.test(after.id)) throw new AppError("not_found");
  const rows = await listMembersWithContext(ctx.db, filter, { limit: MEMBERS_PAGE_SIZE + 1, after });
  const items = rows.slice(0, MEMBERS_PAGE_SIZE);
  const last = items.at(-1);
  return { filter, items, nextCursor: rows.length > MEMBERS_PAGE_SIZE && last ? `${last.name}|${last.userId}` : null };
}

/** A percentage with one decimal, or null when there is nothing to divide. */
export const share = (part: number, whole: number) => (whole ? Math.round((part / whole) * 1000) / 10 : null);

export type ImpactDashboard = Awaited<ReturnType<typeof getImpactDashboard>>;

/** Rates as percentages with one decimal (null when nothing to divide). */
export function impactRates(
  dashboard: Pick<ImpactDashboard, "members" | "outcomes" | "activities" | "weeks" | "satisfaction">,
) {
  const { members, outcomes, activities, weeks, satisfaction } = dashboard;
  return {
    positiveShare: share(outcomes.membersPositive, outcomes.membersWithOutcome),
    essShare: share(outcomes.essDeclarations, outcomes.declarations),
    ledByMembersShare: share(activities.ledByMembers, activities.held),
    /** Six-month survey answers of the period scoring 4 or 5 out of 5. */
    satisfiedShare: share(satisfaction.satisfied, satisfaction.answers),
    /** Invitations of the period that were answered. */
    responseRate: share(satisfaction.answeredOfInvited, satisfaction.invited),
    weeks: weeks.map((week) => ({ ...week, share: share(week.checkins, members.members) })),
  };
}
