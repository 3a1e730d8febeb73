import "server-only";
import type { ReviewDocKind, RubricScores } from "@/db/schema/reviews";

/** The criteria of each kind of document, in display order (labels: `review.criteria.<id>`). */
export const RUBRICS: Record<ReviewDocKind, readonly string[]> = {
  cv: ["readability", "fit", "achievements", "spelling"],
  letter: ["hook", "motivation", "examples", "tone"],
  pitch: ["hook", "clarity", "conviction", "ess"],
};

export const MIN_SCORE = 1;
export const MAX_SCORE = 4;

export type CriterionSummary = {
  criterion: string;
  average: number | null;
  count: number;
  distribution: number[];
  comments: number;
};

/** Per criterion: average, number of scores, how many gave 1, 2, 3, 4, and how many comments. */
export function summarizeScores(docKind: ReviewDocKind, all: RubricScores[]): CriterionSummary[] {
  return RUBRICS[docKind].map((criterion) => {
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
    return { criterion, average: count ? Math.round((sum / count) * 10) / 10 : null, count, distribution, comments };
  });
}
