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
async function resolveFilter(ctx: ServiceContext, input: ImpactFilterInput, now: Date): Promise<ImpactFilter> {
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
  const [cohorts, members, weeks, outcomes, activities, reviews, named, toFollowUp] = await Promise.all([
    listCohorts(ctx.db),
    getMembersSummary(ctx.db, filter),
    listCheckinParticipation(ctx.db, filter),
    getOutcomesSummary(ctx.db, filter),
    getActivitiesSummary(ctx.db, filter),
    getReviewsSummary(ctx.db, filter),
    listNamedOutcomes(ctx.db, filter),
    listMembersWithContext(ctx.db, filter, { toFollowUp: true, limit: 200 }),
  ]);
  return { filter, cohorts, members, weeks, outcomes, activities, reviews, named, toFollowUp };
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

export const impactTables = ["summary", "weeks", "kinds", "outcomes", "members", "follow-up"] as const;
export type ImpactTable = (typeof impactTables)[number];

const KIND_LABELS: Record<OutcomeKind, string> = {
  cdi: "CDI",
  cdd_long: "CDD ≥ 6 mois",
  cdd_short: "CDD < 6 mois",
  alternance: "Alternance",
  service_civique: "Service civique",
  formation: "Formation qualifiante",
  creation: "Création d'activité",
  other: "Autre",
};

const share = (part: number, whole: number) => (whole ? Math.round((part / whole) * 1000) / 10 : null);
const isoInstant = (value: Date | null) => (value ? value.toISOString() : "");

/** Rates as percentages with one decimal (null when nothing to divide). */
export function impactRates(
  dashboard: Pick<Awaited<ReturnType<typeof getImpactDashboard>>, "members" | "outcomes" | "activities" | "weeks">,
) {
  const { members, outcomes, activities, weeks } = dashboard;
  return {
    positiveShare: share(outcomes.membersPositive, outcomes.membersWithOutcome),
    essShare: share(outcomes.essDeclarations, outcomes.declarations),
    ledByMembersShare: share(activities.ledByMembers, activities.held),
    weeks: weeks.map((week) => ({ ...week, share: share(week.checkins, members.members) })),
  };
}

/**
 * One table of the dashboard as CSV (French headers). Tables naming members carry only
 * declarations shared with facilitators or the community.
 */
export async function exportImpactCsv(
  ctx: ServiceContext,
  table: ImpactTable,
  input: ImpactFilterInput,
  now = new Date(),
): Promise<{ headers: string[]; rows: (string | number | boolean | null)[][]; filename: string }> {
  const filter = await resolveFilter(ctx, input, now);
  const filename = `impact-${table}-${filter.from}-${filter.to}.csv`;
  switch (table) {
    case "summary": {
      const [members, weeks, outcomes, activities, reviews] = await Promise.all([
        getMembersSummary(ctx.db, filter),
        listCheckinParticipation(ctx.db, filter),
        getOutcomesSummary(ctx.db, filter),
        getActivitiesSummary(ctx.db, filter),
        getReviewsSummary(ctx.db, filter),
      ]);
      const rates = impactRates({ members, outcomes, activities, weeks });
      const rows: [string, number | null][] = [
        ["Membres", members.members],
        ["Membres admis sur la période", members.admitted],
        ["Actifs 7 derniers jours", members.active7],
        ["Actifs 30 derniers jours", members.active30],
        ["Déclarations « J'ai trouvé ! »", outcomes.declarations],
        ["Membres ayant déclaré", outcomes.membersWithOutcome],
        ["Sorties positives (%)", rates.positiveShare],
        ["Part ESS (%)", rates.essShare],
        ["Jours moyens arrivée → sortie", outcomes.averageDays],
        ["Jours médians arrivée → sortie", outcomes.medianDays],
        ["Activités tenues", activities.held],
        ["Part animée par des membres (%)", rates.ledByMembersShare],
        ["Heures d'activités suivies", Math.round(activities.hoursAttended * 10) / 10],
        ["Relectures données par les membres", reviews.givenByMembers],
        ["Relectures reçues par les membres", reviews.receivedByMembers],
        ["Heures médianes avant la 1re relecture d'un CV", reviews.medianHoursToFirstCvReview],
        ["Questions des membres ayant reçu une réponse d'un pro", reviews.questionsAnsweredByPros],
      ];
      return { filename, headers: ["Indicateur", "Valeur"], rows };
    }
    case "weeks": {
      const [members, weeks] = await Promise.all([
        getMembersSummary(ctx.db, filter),
        listCheckinParticipation(ctx.db, filter),
      ]);
      return {
        filename,
        headers: ["Semaine du", "Check-ins", "Participation (%)"],
        rows: weeks.map((week) => [week.weekStart, week.checkins, share(week.checkins, members.members)]),
      };
    }
    case "kinds": {
      const outcomes = await getOutcomesSummary(ctx.db, filter);
      return {
        filename,
        headers: ["Type", "Déclarations", "Sortie positive"],
        rows: outcomes.byKind.map((row) => [KIND_LABELS[row.kind], row.count, filter.positiveKinds.includes(row.kind)]),
      };
    }
    case "outcomes": {
      const named = await listNamedOutcomes(ctx.db, filter);
      return {
        filename,
        headers: ["Membre", "Type", "ESS", "Structure", "Début", "Jours depuis l'arrivée", "Partage"],
        rows: named.map((row) => [
          row.name,
          KIND_LABELS[row.kind],
          row.isEss,
          row.organisation,
          row.startsOn,
          row.daysFromJoining,
          row.sharing === "community" ? "communauté" : "équipe",
        ]),
      };
    }
    case "members":
    case "follow-up": {
      const members = await listMembersWithContext(ctx.db, filter, { toFollowUp: table === "follow-up" });
      return {
        filename,
        headers: [
          "Membre",
          "E-mail",
          "Cohorte",
          "Arrivée",
          "Dernier check-in",
          "Dernière activité",
          "Check-ins sur la période",
          "Sortie partagée",
          "Début",
        ],
        rows: members.map((row) => [
          row.name,
          row.email,
          row.cohortName,
          row.joinedOn,
          isoInstant(row.lastCheckinAt),
          isoInstant(row.lastActivityAt),
          row.checkinsInPeriod,
          row.outcomeKind ? KIND_LABELS[row.outcomeKind] : null,
          row.outcomeStartsOn,
        ]),
      };
    }
  }
}
