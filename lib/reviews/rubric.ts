import "server-only";
import type { ReviewDocKind, RubricScores } from "@/db/schema/reviews";

/**
 * The built-in criteria of each kind of document, in display order (labels: `review.criteria.<id>`).
 * A programme template may replace them (lib/programme/sections: `rubrics`); read the rubric in
 * effect with `loadRubric` (lib/reviews/feedback).
 */
export const RUBRICS: Record<ReviewDocKind, readonly string[]> = {
  cv: ["readability", "fit", "achievements", "spelling"],
  letter: ["hook", "motivation", "examples", "tone"],
  pitch: ["hook", "clarity", "conviction", "ess"],
};

export const MIN_SCORE = 1;
export const MAX_SCORE = 4;

export type CriterionSummary = {
  criterion: string;
  /** The criterion's label in the reader's language (empty until `loadRubric` fills it). */
  label: string;
  average: number | null;
  count: number;
  distribution: number[];
  comments: number;
};

/**
 * Per criterion of `criteria` (the rubric in effect): average, number of scores, how many gave
 * 1, 2, 3, 4, and how many comments. Scores given under a criterion the rubric no longer has are left out.
 */
export function summarizeScores(
  criteria: readonly { id: string; label: string }[],
  all: RubricScores[],
): CriterionSummary[] {
  return criteria.map(({ id: criterion, label }) => {
    const distribution = [0, 0, 0, 0];
    let sum = 0;
    let count = 0;
    let comments = 0;
    for (const scores of all) {
      const entry = scores[criterion];
      if (!entry) continue;
      distribution[entry.score - MIN_SCORE]! += 1;
      sum += entry.score;
      count += 1;
      if (entry.comment) comments += 1;
    }
    return {
      criterion,
      label,
      average: count ? Math.round((sum / count) * 10) / 10 : null,
      count,
      distribution,
      comments,
    };
  });
}
