import { describe, expect, it } from "vitest";
import { createEventBudget } from "./event-budget";

describe("createEventBudget", () => {
  it("allows a burst, then the refill rate, and refuses a flood", () => {
    let time = 0;
    const budget = createEventBudget({ perSecond: 10, burst: 40 }, () => time);
    const taken = Array.from({ length: 1000 }, () => budget.take()).filter(Boolean).length;
    expect(taken).toBe(40);
    time += 500;
    expect(Array.from({ length: 10 }, () => budget.take()).filter(Boolean)).toHaveLength(5);
    time += 60_000;
    // Never more than the burst after a long pause.
    expect(Array.from({ length: 100 }, () => budget.take()).filter(Boolean)).toHaveLength(40);
  });
});
