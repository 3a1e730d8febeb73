import { describe, expect, it } from "vitest";
import { threadTitleSchema } from "./forum";
import { displayNameSchema } from "./auth";

describe("control characters", () => {
  it("are removed from titles and names (PostgreSQL cannot store NUL)", () => {
    expect(threadTitleSchema.parse("Bon\u0000jour à tous")).toBe("Bonjour à tous");
    expect(displayNameSchema.parse("Ca\u0007mille")).toBe("Camille");
  });
  it("do not count towards the minimum length", () => {
    expect(threadTitleSchema.safeParse("\u0000\u0000\u0000\u0000ab").success).toBe(false);
  });
});
