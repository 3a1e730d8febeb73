import { describe, expect, it } from "vitest";
import { csvCell, toCsv } from "./csv";

describe("CSV", () => {
  it("starts with a BOM, separates with ; and keeps accents", () => {
    const csv = toCsv(["Nom", "Structure"], [["Léa Müller", "Coopérative « Oasis »"]]);
    expect(csv.startsWith("\uFEFF")).toBe(true);
    expect(csv).toBe('\uFEFF"Nom";"Structure"\r\n"Léa Müller";"Coopérative « Oasis »"\r\n');
    expect(Buffer.from(csv, "utf8").subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });

  it("neutralises formulas and quotes", () => {
    for (const dangerous of ['=HYPERLINK("http://x")', "+33 6", "-2+3", "@SUM(A1)", "\tcmd"]) {
      expect(csvCell(dangerous).startsWith(`"'`)).toBe(true);
    }
    expect(csvCell('Dit "bonjour"')).toBe('"Dit ""bonjour"""');
    expect(csvCell(12.5)).toBe("12,5");
    expect(csvCell(null)).toBe("");
  });
});
