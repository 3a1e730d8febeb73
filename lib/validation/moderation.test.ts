import { describe, expect, it } from "vitest";
import { suspendUserSchema } from "./moderation";

const parisDay = new Intl.DateTimeFormat("fr-FR", { timeZone: "Europe/Paris", dateStyle: "medium" });

describe("suspension end date", () => {
  it("ends on the chosen day as shown in Paris, in winter and in summer (not the next day)", () => {
    for (const [typed, shown] of [
      ["2099-12-08", "8 déc. 2099"],
      ["2099-07-14", "14 juil. 2099"],
    ] as const) {
      const parsed = suspendUserSchema.parse({
        userId: "0b8f6a3e-1c1d-4f5e-9a7b-2c3d4e5f6a7b",
        reason: "Propos répétés hors charte",
        until: typed,
      });
      expect(parisDay.format(parsed.until!)).toBe(shown);
      // The last second of that day: a minute later it is the next day in Paris.
      expect(parisDay.format(new Date(parsed.until!.getTime() + 60_000))).not.toBe(shown);
    }
  });
});
