import { PDFDocument, PDFName, PDFString, StandardFonts } from "pdf-lib";

/** A real PDF with `pages` pages of text, like a short CV (tests and e2e fixtures). */
export async function makePdf(pages = 2, options: { useObjectStreams?: boolean } = {}): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let index = 1; index <= pages; index++) {
    const page = doc.addPage([595, 842]);
    page.drawText(`Camille Exemple — CV page ${index}`, { x: 50, y: 780, size: 22, font });
    page.drawText("Chargée de projet ESS · Expériences · Formation · Compétences", { x: 50, y: 740, size: 12, font });
  }
  return doc.save({ useObjectStreams: options.useObjectStreams ?? true });
}

/** A PDF that runs JavaScript when opened (/OpenAction → /JavaScript). */
export async function makePdfWithJavaScript(options: { useObjectStreams?: boolean } = {}): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.addPage();
  const action = doc.context.obj({ Type: "Action", S: "JavaScript", JS: PDFString.of("app.alert('hi')") });
  doc.catalog.set(PDFName.of("OpenAction"), doc.context.register(action));
  return doc.save({ useObjectStreams: options.useObjectStreams ?? true });
}

/**
 * A PDF whose catalog (or first page) carries `entries`, built from plain values by pdf-lib:
 * `{ OpenAction: { S: "URI", URI: "https://evil.example" } }` opens a web page on opening.
 */
export async function makePdfWithEntries(
  entries: Record<string, Record<string, unknown>>,
  { onPage = false }: { onPage?: boolean } = {},
): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const page = doc.addPage();
  const target = onPage ? page.node : doc.catalog;
  for (const [key, value] of Object.entries(entries)) {
    const object = doc.context.obj(value as Parameters<typeof doc.context.obj>[0]);
    target.set(PDFName.of(key), doc.context.register(object));
  }
  return doc.save();
}

/** A PDF carrying an attached file (/EmbeddedFile). */
export async function makePdfWithAttachment(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.addPage();
  await doc.attach(new TextEncoder().encode("hello"), "notes.txt", { mimeType: "text/plain" });
  return doc.save();
}

/** A Windows executable header, as found in a `.exe` renamed `.pdf`. */
export function makeExecutable(): Uint8Array {
  const bytes = new Uint8Array(1024);
  bytes.set([0x4d, 0x5a], 0);
  bytes.set([0x50, 0x45, 0x00, 0x00], 0x80);
  bytes[0x3c] = 0x80;
  return bytes;
}

/** Bytes of any size filled with a repeated pattern, for the size limit. */
export function makeBigPdfLike(size: number): Uint8Array {
  const bytes = new Uint8Array(size).fill(0x20);
  bytes.set(new TextEncoder().encode("%PDF-1.7\n"), 0);
  return bytes;
}

export function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.byteLength, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.byteLength;
  }
  return out;
}
