import { describe, expect, it } from "vitest";
import { safeRedirectPath } from "./redirect";

describe("the redirect after sign-in", () => {
  it("keeps a path of this site, with its query and fragment", () => {
    expect(safeRedirectPath("/c/entraide/12-mon-cv?post=3#p3")).toBe("/c/entraide/12-mon-cv?post=3#p3");
    expect(safeRedirectPath("/applications")).toBe("/applications");
  });

  it.each([
    "//evil.example",
    "/\t/evil.example",
    "/%09/evil.example".replace("%09", "\t"),
    "/\n/evil.example",
    "/ /evil.example",
    "/\\evil.example",
    "\\/\\/evil.example",
    "\\\\evil.example",
    "https://evil.example",
    "https:evil.example",
    "http:/evil.example",
    "javascript:alert(1)",
    " javascript:alert(1)",
    "\u0000//evil.example",
    "evil.example",
    "",
  ])("sends %j home instead", (payload) => {
    expect(safeRedirectPath(payload)).toBe("/");
  });

  it("falls back on anything that is not a string", () => {
    expect(safeRedirectPath(undefined, "/notifications")).toBe("/notifications");
    expect(safeRedirectPath(["/a"])).toBe("/");
  });
});
