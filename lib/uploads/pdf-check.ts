import "server-only";
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRawStream, PDFStream, type PDFObject } from "pdf-lib";

/** Why a file was refused; each reason is an i18n key under `review.upload.refused`. */
export type PdfRefusal =
  "empty" | "tooLarge" | "notPdf" | "polyglot" | "javascript" | "embeddedFile" | "xfaForm" | "unreadable" | "encrypted";

export type PdfCheckResult = { ok: true; pageCount: number } | { ok: false; reason: PdfRefusal };

const PDF_MAGIC = "%PDF-";

/** Signatures of other formats that must not hide inside (or around) a PDF. */
const FOREIGN_SIGNATURES: [string, RegExp][] = [
  ["zip", /PK\x03\x04|PK\x05\x06/],
  ["html", /<\s*(?:html|script|body|iframe|svg)\b/i],
  ["pe", /MZ[\s\S]{58}[\s\S]{0,4}PE\x00\x00/],
  ["elf", /\x7fELF/],
];

/**
 * Names that make a PDF active or a container: refused whatever else the file holds. `AA`
 * (additional actions) runs actions on page open, focus or mouse-over, whatever their type;
 * `GoToR` opens another file. An `/OpenAction` is checked in `scanObjects`: a destination or a
 * `GoTo` inside the document is harmless, any other action runs by itself on opening.
 */
const ACTIVE_NAMES = new Set([
  "JS",
  "JavaScript",
  "Launch",
  "RichMedia",
  "SubmitForm",
  "ImportData",
  "GoToE",
  "GoToR",
  "AA",
]);
/** XML Forms Architecture: a form that scripts itself, rendered by some readers only. */
const XFA_NAMES = new Set(["XFA"]);
const EMBED_NAMES = new Set(["EmbeddedFile", "EmbeddedFiles", "FileAttachment"]);

/** `/J#61vaScript` is `/JavaScript`: decode name escapes before looking for forbidden names. */
function decodeNameEscapes(text: string): string {
  return text.replace(/#([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

function scanRaw(bytes: Uint8Array): PdfRefusal | null {
  // latin1 keeps one character per byte, so binary streams cannot shift what we match.
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("latin1");
  for (const [, signature] of FOREIGN_SIGNATURES) if (signature.test(text)) return "polyglot";
  // Anything after the last %%EOF beyond whitespace is a second file glued on.
  const lastEof = text.lastIndexOf("%%EOF");
  if (lastEof === -1 || text.slice(lastEof + 5).trim().length > 0) return "polyglot";
  // Names are looked for outside stream bodies: compressed bytes would match "/JS" by chance.
  const outsideStreams = text.replace(/stream\r?\n[\s\S]*?endstream/g, "");
  const names = decodeNameEscapes(outsideStreams).match(/\/[A-Za-z]+/g) ?? [];
  for (const name of names) {
    const bare = name.slice(1);
    if (EMBED_NAMES.has(bare)) return "embeddedFile";
    if (ACTIVE_NAMES.has(bare)) return "javascript";
    if (XFA_NAMES.has(bare)) return "xfaForm";
  }
  return null;
}

/** An `/OpenAction` that does something else than showing a place of this document runs on opening. */
function isAutoRunningOpenAction(doc: PDFDocument, value: PDFObject): boolean {
  const action = doc.context.lookup(value);
  if (!(action instanceof PDFDict)) return false; // a destination array: open at a page
  const type = action.get(PDFName.of("S"));
  return !(type instanceof PDFName && type.decodeText() === "GoTo");
}

/** Walks every object pdf-lib decoded (object streams included), where a raw scan cannot look. */
function scanObjects(doc: PDFDocument): PdfRefusal | null {
  for (const [, object] of doc.context.enumerateIndirectObjects()) {
    const dict = object instanceof PDFDict ? object : object instanceof PDFStream ? object.dict : null;
    if (!dict) continue;
    for (const [key, value] of dict.entries()) {
      const name = key.decodeText();
      if (EMBED_NAMES.has(name)) return "embeddedFile";
      if (ACTIVE_NAMES.has(name)) return "javascript";
      if (XFA_NAMES.has(name)) return "xfaForm";
      if (name === "OpenAction" && isAutoRunningOpenAction(doc, value)) return "javascript";
      if (value instanceof PDFName && (EMBED_NAMES.has(value.decodeText()) || ACTIVE_NAMES.has(value.decodeText()))) {
        return EMBED_NAMES.has(value.decodeText()) ? "embeddedFile" : "javascript";
      }
      if (value instanceof PDFArray && name === "AF") return "embeddedFile";
    }
    if (object instanceof PDFRawStream && dict.get(PDFName.of("Type"))?.toString() === "/EmbeddedFile")
      return "embeddedFile";
  }
  return null;
}

/**
 * Decides whether bytes are a PDF we are willing to store and show: judged by content only
 * (never by file name or declared type). It must start with `%PDF-` at byte 0, carry no other
 * format's signature, hold no JavaScript, automatic actions, XFA forms or embedded files, and
 * parse with pages.
 */
export async function checkPdf(bytes: Uint8Array, { maxBytes }: { maxBytes: number }): Promise<PdfCheckResult> {
  if (bytes.byteLength === 0) return { ok: false, reason: "empty" };
  if (bytes.byteLength > maxBytes) return { ok: false, reason: "tooLarge" };
  const head = Buffer.from(bytes.subarray(0, PDF_MAGIC.length)).toString("latin1");
  if (head !== PDF_MAGIC) {
    // "%PDF-" further in means something was put in front of it: a polyglot, not merely a non-PDF.
    const early = Buffer.from(bytes.subarray(0, 1024)).toString("latin1");
    return { ok: false, reason: early.includes(PDF_MAGIC) ? "polyglot" : "notPdf" };
  }
  const rawRefusal = scanRaw(bytes);
  if (rawRefusal) return { ok: false, reason: rawRefusal };
  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(bytes, { updateMetadata: false, throwOnInvalidObject: true });
  } catch (error) {
    if (error instanceof Error && error.name === "EncryptedPDFError") return { ok: false, reason: "encrypted" };
    return { ok: false, reason: "unreadable" };
  }
  const objectRefusal = scanObjects(doc);
  if (objectRefusal) return { ok: false, reason: objectRefusal };
  const pageCount = doc.getPageCount();
  if (pageCount < 1) return { ok: false, reason: "unreadable" };
  return { ok: true, pageCount };
}
