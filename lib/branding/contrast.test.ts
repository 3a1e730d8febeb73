import { describe, expect, it } from "vitest";
import { contrastFailures, contrastRatio, isHexColor, mix } from "./contrast";

describe("contrast", () => {
  it("matches the WCAG reference values", () => {
    expect(contrastRatio("#000000", "#ffffff")).toBeCloseTo(21, 5);
    expect(contrastRatio("#ffffff", "#ffffff")).toBe(1);
    // #767676 is the classic lightest grey passing AA on white (4.54:1).
    expect(contrastRatio("#767676", "#ffffff")).toBeCloseTo(4.54, 2);
  });

  it("accepts today's Pro'pulse colours and refuses a pale yellow, naming the surface", () => {
    expect(contrastFailures("#a8401a")).toEqual([]);
    expect(contrastFailures("#0f6b63")).toEqual([]);
    const failures = contrastFailures("#f5d90a");
    expect(failures.map((failure) => failure.surface)).toEqual(["white", "cream"]);
    expect(failures[0]!.ratio).toBeLessThan(2);
  });

  it("only takes #rrggbb colours, and mixes them towards white or black", () => {
    expect(isHexColor("#1D4ED8")).toBe(true);
    expect(isHexColor("red")).toBe(false);
    expect(isHexColor("#fff")).toBe(false);
    expect(isHexColor("#123456;}")).toBe(false);
    expect(mix("#000000", 0.5)).toBe("#808080");
    expect(mix("#ffffff", -1)).toBe("#000000");
  });
});
