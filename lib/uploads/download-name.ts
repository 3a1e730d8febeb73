import { stripBidiControls, stripControlChars } from "@/lib/validation/text";

/** The extension of each type of file we store (decided from the bytes when it was uploaded). */
const EXTENSIONS: Record<string, string> = {
  "application/pdf": "pdf",
  "audio/webm": "webm",
  "audio/ogg": "ogg",
  "audio/mp4": "m4a",
};

/**
 * The name a stored file is downloaded under: its original name without control or bidi
 * characters, always ending with the extension of its real type, so `cv\u202Efdp.exe` (shown as
 * "cvexe.pdf") becomes `cvfdp.exe.pdf` and cannot pass for a program on the member's disk.
 */
export function downloadName(originalName: string, contentType: string): string {
  const extension = EXTENSIONS[contentType] ?? "bin";
  const name = stripBidiControls(stripControlChars(originalName)).trim() || "document";
  return name.toLowerCase().endsWith(`.${extension}`) ? name : `${name}.${extension}`;
}

/**
 * Headers of a private download (a member's document, their data export): an attachment, never
 * sniffed, never in a shared cache, never indexed, never framed or run as a page.
 */
export function privateDownloadHeaders(file: {
  contentType: string;
  byteLength: number;
  disposition: string;
}): Record<string, string> {
  return {
    "Content-Type": file.contentType,
    "Content-Length": String(file.byteLength),
    "Content-Disposition": file.disposition,
    "X-Content-Type-Options": "nosniff",
    "Cache-Control": "private, no-store",
    "X-Robots-Tag": "noindex, nofollow",
    "Content-Security-Policy": "default-src 'none'; sandbox",
  };
}
