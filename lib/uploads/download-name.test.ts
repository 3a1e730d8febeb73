import { describe, expect, it } from "vitest";
import { downloadName } from "./download-name";

describe("the name a file is downloaded under", () => {
  it("drops bidi overrides and always ends with the file's real extension", () => {
    expect(downloadName("cv\u202Efdp.exe", "application/pdf")).toBe("cvfdp.exe.pdf");
    expect(downloadName("lettre.exe", "application/pdf")).toBe("lettre.exe.pdf");
    expect(downloadName("pitch.webm", "audio/webm")).toBe("pitch.webm");
    expect(downloadName("Mon CV.PDF", "application/pdf")).toBe("Mon CV.PDF");
    expect(downloadName("\u2066\u2069", "audio/mp4")).toBe("document.m4a");
  });
});

describe("the stored name of an uploaded file", () => {
  it("loses its bidi controls", async () => {
    const { cleanFileName } = await import("@/lib/validation/reviews");
    expect(cleanFileName("cv\u202Efdp.exe")).toBe("cvfdp.exe");
  });
});
