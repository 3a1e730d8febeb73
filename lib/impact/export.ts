import "server-only";
import { getSatisfactionSummary } from "@/db/queries/impact-satisfaction";
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
import type { ServiceContext } from "@/lib/context";
import type { OutcomeKind } from "@/lib/domain/outcomes";
import type { SurveyHelp, SurveySituation } from "@/lib/domain/surveys";
import type { ImpactFilterInput } from "@/lib/validation/impact";
import type { CsvCell } from "./csv";
import { impactRates, resolveFilter, share, SMALL_GROUP } from "./service";

export const impactTables = [
  "summary",
  "weeks",
  "kinds",
  "outcomes",
  "members",
  "follow-up",
  "satisfaction",
  "helps",
  "funders",
] as const;
export type ImpactTable = (typeof impactTables)[number];

export type ImpactCsv = { headers: string[]; rows: CsvCell[][]; filename: string };

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
const SITUATION_LABELS: Record<SurveySituation, string> = { ...KIND_LABELS, searching: "En recherche" };
const HELP_LABELS: Record<SurveyHelp, string> = {
  checkins: "Check-ins",
  reviews: "Relectures de CV, lettres, pitchs",
  pros: "Professionnel·les",
  activities: "Activités",
  members: "Autres membres",
  other: "Autre",
};
/** What a funders' export shows instead of a figure computed over fewer than five people. */
export const TOO_FEW = `effectif < ${SMALL_GROUP}`;

const isoInstant = (value: Date | null) => (value ? value.toISOString() : "");
const round1 = (value: number) => Math.round(value * 10) / 10;

/** The anonymous figures, in the fixed set of queries the dashboard uses. */
async function loadFigures(ctx: ServiceContext, filter: ImpactFilter) {
  const [members, weeks, outcomes, activities, reviews, satisfaction] = await Promise.all([
    getMembersSummary(ctx.db, filter),
    listCheckinParticipation(ctx.db, filter),
    getOutcomesSummary(ctx.db, filter),
    getActivitiesSummary(ctx.db, filter),
    getReviewsSummary(ctx.db, filter),
    getSatisfactionSummary(ctx.db, filter),
  ]);
  const figures = { members, weeks, outcomes, activities, reviews, satisfaction };
  return { ...figures, rates: impactRates(figures) };
}

function summaryRows(figures: Awaited<ReturnType<typeof loadFigures>>): [string, CsvCell][] {
  const { members, outcomes, activities, reviews, satisfaction, rates } = figures;
  return [
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
    ["Heures d'activités suivies", round1(activities.hoursAttended)],
    ["Relectures données par les membres", reviews.givenByMembers],
    ["Relectures reçues par les membres", reviews.receivedByMembers],
    ["Heures médianes avant la 1re relecture d'un CV", reviews.medianHoursToFirstCvReview],
    ["Questions des membres ayant reçu une réponse d'un pro", reviews.questionsAnsweredByPros],
    ["Enquêtes à six mois envoyées", satisfaction.invited],
    ["Taux de réponse (%)", rates.responseRate],
    ["Réponses reçues", satisfaction.answers],
    ["Satisfaits, 4 ou 5 sur 5 (%)", rates.satisfiedShare],
  ];
}

/**
 * The report for funders as CSV: no one named, and nothing broken down over a group of fewer
 * than five people (a rate, an average or a split by kind, score or situation) — `TOO_FEW` instead.
 */
function funderRows(figures: Awaited<ReturnType<typeof loadFigures>>): [string, CsvCell][] {
  const { members, outcomes, activities, satisfaction, rates } = figures;
  const unless = (isSmall: boolean, value: CsvCell) => (isSmall ? TOO_FEW : value);
  const fewOutcomes = outcomes.membersWithOutcome < SMALL_GROUP;
  const fewAnswers = satisfaction.answers < SMALL_GROUP;
  return [
    ["Propulseurs accompagnés", members.members],
    ["Admis sur la période", members.admitted],
    ["Heures d'activités suivies", round1(activities.hoursAttended)],
    ["Activités tenues", activities.held],
    ["Part animée par des membres (%)", rates.ledByMembersShare],
    ["Membres ayant déclaré une sortie", outcomes.membersWithOutcome],
    ["Sorties positives (%)", unless(fewOutcomes, rates.positiveShare)],
    ["Part ESS (%)", unless(outcomes.declarations < SMALL_GROUP, rates.essShare)],
    ["Jours moyens arrivée → sortie", unless(fewOutcomes, outcomes.averageDays && round1(outcomes.averageDays))],
    ["Jours médians arrivée → sortie", unless(fewOutcomes, outcomes.medianDays)],
    ...(fewOutcomes
      ? ([["Sorties par type", TOO_FEW]] as [string, CsvCell][])
      : outcomes.byKind.map((row): [string, CsvCell] => [`Sorties : ${KIND_LABELS[row.kind]}`, row.count])),
    ["Taux de réponse à l'enquête à six mois (%)", unless(satisfaction.invited < SMALL_GROUP, rates.responseRate)],
    ["Réponses à l'enquête", satisfaction.answers],
    ["Satisfaits, 4 ou 5 sur 5 (%)", unless(fewAnswers, rates.satisfiedShare)],
    ...(fewAnswers
      ? ([["Situation à six mois", TOO_FEW]] as [string, CsvCell][])
      : satisfaction.bySituation.map((row): [string, CsvCell] => [
          `Situation à six mois : ${SITUATION_LABELS[row.situation]}`,
          row.count,
        ])),
  ];
}

/**
 * One table of the dashboard as CSV (French headers). Tables naming members carry only what
 * facilitators may see: declarations shared with them or the community, never a survey answer.
 */
export async function exportImpactCsv(
  ctx: ServiceContext,
  table: ImpactTable,
  input: ImpactFilterInput,
  now = new Date(),
): Promise<ImpactCsv> {
  const filter = await resolveFilter(ctx, input, now);
  const filename = `impact-${table}-${filter.from}-${filter.to}.csv`;
  const indicators = (rows: [string, CsvCell][]) => ({ filename, headers: ["Indicateur", "Valeur"], rows });
  switch (table) {
    case "summary":
      return indicators(summaryRows(await loadFigures(ctx, filter)));
    case "funders":
      return indicators(funderRows(await loadFigures(ctx, filter)));
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
    case "satisfaction": {
      const satisfaction = await getSatisfactionSummary(ctx.db, filter);
      return {
        filename,
        headers: ["Note sur 5", "Réponses", "Part (%)"],
        rows: satisfaction.byScore.map((row) => [row.score, row.count, share(row.count, satisfaction.answers)]),
      };
    }
    case "helps": {
      const satisfaction = await getSatisfactionSummary(ctx.db, filter);
      return {
        filename,
        headers: ["Ce qui a le plus aidé", "Réponses", "Part des réponses (%)"],
        rows: satisfaction.byHelp.map((row) => [
          HELP_LABELS[row.help],
          row.count,
          share(row.count, satisfaction.answers),
        ]),
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
