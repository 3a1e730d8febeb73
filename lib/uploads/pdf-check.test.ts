import { describe, expect, it } from "vitest";
import { PDFString } from "pdf-lib";
import { checkPdf } from "./pdf-check";
import {
  concat,
  makeBigPdfLike,
  makeExecutable,
  makePdf,
  makePdfWithAttachment,
  makePdfWithEntries,
  makePdfWithJavaScript,
} from "./test-pdfs";

const MAX = 5 * 1024 * 1024;
const text = (value: string) => new TextEncoder().encode(value);

describe("checkPdf", () => {
  it("accepts a real multi-page PDF and counts its pages", async () => {
    expect(await checkPdf(await makePdf(3), { maxBytes: MAX })).toEqual({ ok: true, pageCount: 3 });
    expect(await checkPdf(await makePdf(2, { useObjectStreams: false }), { maxBytes: MAX })).toEqual({
      ok: true,
      pageCount: 2,
    });
  });

  it("refuses an empty file", async () => {
    expect(await checkPdf(new Uint8Array(0), { maxBytes: MAX })).toEqual({ ok: false, reason: "empty" });
  });

  it("refuses a file over the limit before reading it", async () => {
    expect(await checkPdf(makeBigPdfLike(MAX + 1), { maxBytes: MAX })).toEqual({ ok: false, reason: "tooLarge" });
  });

  it("refuses an executable renamed .pdf and plain text", async () => {
    expect(await checkPdf(makeExecutable(), { maxBytes: MAX })).toEqual({ ok: false, reason: "notPdf" });
    expect(await checkPdf(text("hello, this is not a PDF"), { maxBytes: MAX })).toEqual({
      ok: false,
      reason: "notPdf",
    });
  });

  it("refuses data before %PDF- and another format glued on", async () => {
    const pdf = await makePdf(1);
    expect((await checkPdf(concat(text("GIF89a;"), pdf), { maxBytes: MAX })).ok).toBe(false);
    expect(await checkPdf(concat(text("GIF89a;"), pdf), { maxBytes: MAX })).toEqual({ ok: false, reason: "polyglot" });
    expect(await checkPdf(concat(pdf, text("PK\x03\x04zipdata")), { maxBytes: MAX })).toEqual({
      ok: false,
      reason: "polyglot",
    });
    expect(await checkPdf(concat(pdf, text("<html><script>alert(1)</script>")), { maxBytes: MAX })).toEqual({
      ok: false,
      reason: "polyglot",
    });
  });

  it("refuses JavaScript, in plain objects and inside compressed object streams", async () => {
    expect(await checkPdf(await makePdfWithJavaScript({ useObjectStreams: false }), { maxBytes: MAX })).toEqual({
      ok: false,
      reason: "javascript",
    });
    expect(await checkPdf(await makePdfWithJavaScript({ useObjectStreams: true }), { maxBytes: MAX })).toEqual({
      ok: false,
      reason: "javascript",
    });
  });

  it("refuses names hidden with # escapes", async () => {
    const pdf = Buffer.from(await makePdf(1, { useObjectStreams: false })).toString("latin1");
    const tampered = pdf.replace("/Type /Catalog", "/Type /Catalog /J#61vaScript 1 0 R");
    expect(await checkPdf(new Uint8Array(Buffer.from(tampered, "latin1")), { maxBytes: MAX })).toEqual({
      ok: false,
      reason: "javascript",
    });
  });

  it("refuses embedded files", async () => {
    expect(await checkPdf(await makePdfWithAttachment(), { maxBytes: MAX })).toEqual({
      ok: false,
      reason: "embeddedFile",
    });
  });

  it("refuses a truncated PDF that does not parse", async () => {
    const pdf = await makePdf(2);
    const broken = concat(pdf.subarray(0, 200), text("\n%%EOF\n"));
    expect(await checkPdf(broken, { maxBytes: MAX })).toEqual({ ok: false, reason: "unreadable" });
  });

  it("refuses actions that run by themselves: /OpenAction URI or GoToR, /AA, and XFA forms", async () => {
    const check = async (bytes: Uint8Array) => checkPdf(bytes, { maxBytes: MAX });
    const uri = { Type: "Action", S: "URI", URI: PDFString.of("https://evil.example") };
    expect(await check(await makePdfWithEntries({ OpenAction: uri }))).toEqual({ ok: false, reason: "javascript" });
    const remote = { Type: "Action", S: "GoToR", F: PDFString.of("autre.pdf"), D: [0, "Fit"] };
    expect(await check(await makePdfWithEntries({ OpenAction: remote }))).toEqual({ ok: false, reason: "javascript" });
    const onOpen = { O: uri };
    expect(await check(await makePdfWithEntries({ AA: onOpen }))).toEqual({ ok: false, reason: "javascript" });
    expect(await check(await makePdfWithEntries({ AA: onOpen }, { onPage: true }))).toEqual({
      ok: false,
      reason: "javascript",
    });
    const form = { Fields: [], XFA: PDFString.of("<xdp:xdp/>") };
    expect(await check(await makePdfWithEntries({ AcroForm: form }))).toEqual({ ok: false, reason: "xfaForm" });
  });

  it("accepts an /OpenAction that only shows a page of the document", async () => {
    const goTo = { Type: "Action", S: "GoTo", D: [0, "Fit"] };
    expect(await checkPdf(await makePdfWithEntries({ OpenAction: goTo }), { maxBytes: MAX })).toMatchObject({
      ok: true,
    });
  });
});
