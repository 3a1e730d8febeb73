import { describe, expect, it } from "vitest";
import { RUBRICS, summarizeScores } from "./rubric";

const criteria = (kind: keyof typeof RUBRICS) => RUBRICS[kind].map((id) => ({ id, label: id }));

describe("summarizeScores", () => {
  it("averages each criterion over the reviews that scored it", () => {
    const summary = summarizeScores(criteria("cv"), [
      {
        readability: { score: 4 },
        fit: { score: 2, comment: "Parlez de l'ESS" },
        achievements: { score: 3 },
        spelling: { score: 4 },
      },
      { readability: { score: 3 }, fit: { score: 3 }, achievements: { score: 1 }, spelling: { score: 4 } },
    ]);
    expect(summary.map((row) => row.criterion)).toEqual(RUBRICS.cv);
    expect(summary[0]).toEqual({
      criterion: "readability",
      label: "readability",
      average: 3.5,
      count: 2,
      distribution: [0, 0, 1, 1],
      comments: 0,
    });
    expect(summary[1]).toMatchObject({ average: 2.5, comments: 1 });
  });

  it("has no average without reviews", () => {
    expect(summarizeScores(criteria("letter"), []).every((row) => row.average === null && row.count === 0)).toBe(true);
  });
});
