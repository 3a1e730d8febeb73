import { describe, expect, it } from "vitest";
import { HIGHLIGHT_START as S, HIGHLIGHT_STOP as E, highlightParts, searchTerms } from "./search";

describe("searchTerms", () => {
  it("splits off the last word being typed as a prefix", () => {
    expect(searchTerms("candidature spont")).toEqual({
      text: "candidature spont",
      head: "candidature ",
      prefix: "spont",
    });
    expect(searchTerms("l'écol").prefix).toBe("écol");
  });

  it("keeps phrases, exclusions, one-letter words and punctuation whole", () => {
    expect(searchTerms('"lettre de moti').prefix).toBeNull();
    expect(searchTerms("alternance -stage").prefix).toBeNull();
    expect(searchTerms("cv a").prefix).toBeNull();
    expect(searchTerms("relancer ?").prefix).toBeNull();
  });

  it("cuts long input and removes control and marker characters", () => {
    expect(searchTerms("x".repeat(5_000)).text).toHaveLength(200);
    expect(searchTerms(`a\u0000b${S}c${E}`).text).toBe("a b c");
  });
});

describe("highlightParts", () => {
  it("turns markers into parts and leaves everything else as text", () => {
    expect(highlightParts(`<script> ${S}piège${E} fin`)).toEqual([
      { text: "<script> ", isMatch: false },
      { text: "piège", isMatch: true },
      { text: " fin", isMatch: false },
    ]);
    expect(highlightParts(`${S}ouvert sans fin`)).toEqual([{ text: "ouvert sans fin", isMatch: true }]);
  });
});
