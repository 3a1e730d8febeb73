import { describe, expect, it } from "vitest";
import { parseByteRange } from "./range";

describe("byte ranges", () => {
  it("reads the ranges media players ask for", () => {
    expect(parseByteRange("bytes=0-", 1000)).toEqual({ start: 0, end: 999 });
    expect(parseByteRange("bytes=100-199", 1000)).toEqual({ start: 100, end: 199 });
    expect(parseByteRange("bytes=900-5000", 1000)).toEqual({ start: 900, end: 999 });
    expect(parseByteRange("bytes=-100", 1000)).toEqual({ start: 900, end: 999 });
    expect(parseByteRange("bytes=-5000", 1000)).toEqual({ start: 0, end: 999 });
  });

  it("refuses ranges outside the file", () => {
    expect(parseByteRange("bytes=1000-", 1000)).toBe("unsatisfiable");
    expect(parseByteRange("bytes=500-400", 1000)).toBe("unsatisfiable");
    expect(parseByteRange("bytes=-0", 1000)).toBe("unsatisfiable");
    expect(parseByteRange("bytes=-10", 0)).toBe("unsatisfiable");
  });

  it("sends the whole file for no range, several ranges or nonsense", () => {
    for (const header of [null, "", "bytes=-", "bytes=0-1,5-9", "items=0-10", "bytes=a-b"])
      expect(parseByteRange(header, 1000)).toBeNull();
  });
});
