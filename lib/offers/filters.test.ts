import { describe, expect, it } from "vitest";
import { countFilters, filtersToQuery, hasFilters } from "./filters";

describe("offer filters", () => {
  it("counts the filters that are on, for the folded 'Filtres (2)' button", () => {
    expect(countFilters({})).toBe(0);
    expect(countFilters({ open: false })).toBe(0);
    expect(countFilters({ contract: "cdi", workMode: "hybrid" })).toBe(2);
    expect(countFilters({ contract: "cdi", department: "69", family: "association", open: true })).toBe(4);
    expect(hasFilters({ open: true })).toBe(true);
    expect(hasFilters({})).toBe(false);
  });

  it("keeps one address per view, keys in a fixed order", () => {
    expect(filtersToQuery({ workMode: "hybrid", contract: "cdi" })).toBe("?contract=cdi&workMode=hybrid");
  });
});
