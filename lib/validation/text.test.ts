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

describe("invisible text", () => {
  it("refuses titles and names with nothing visible, with a clear message", () => {
    const onlyZeroWidth = "\u200B\u200B\u200B\u200B\u200B\u200B";
    expect(threadTitleSchema.safeParse(onlyZeroWidth).error?.issues[0]?.message).toBe("validation.titleInvisible");
    expect(threadTitleSchema.safeParse("\u2800\u3164\u00AD\uFEFF\u200D\u2060").success).toBe(false);
    expect(displayNameSchema.safeParse("\u200B\u200C").error?.issues[0]?.message).toBe("validation.nameInvisible");
  });

  it("strips bidi controls from titles and names, keeping the visible text", () => {
    expect(threadTitleSchema.parse("Mon cv\u202Efdp.exe")).toBe("Mon cvfdp.exe");
    expect(displayNameSchema.parse("\u2067Camille\u2069")).toBe("Camille");
    expect(threadTitleSchema.parse("Entretien : 5 conseils")).toBe("Entretien : 5 conseils");
  });

  it("keeps scripts that need joiners when they show something", () => {
    expect(displayNameSchema.parse("नमस्ते")).toBe("नमस्ते");
  });
});
