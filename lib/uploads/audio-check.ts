import "server-only";
/** Why an audio upload was refused (each has a message: `review.pitch.refused<Reason>`). */
export type AudioRefusal = "empty" | "tooLarge" | "notAudio";

export type AudioContentType = "audio/webm" | "audio/ogg" | "audio/mp4";

export type AudioCheckResult =
  { ok: true; contentType: AudioContentType; extension: "webm" | "ogg" | "m4a" } | { ok: false; reason: AudioRefusal };

/** MP4 brands browsers' MediaRecorder (and common recorders) write for audio. */
const MP4_BRANDS = new Set(["M4A ", "M4B ", "mp41", "mp42", "isom", "iso2", "iso4", "iso5", "iso6", "dash"]);

const ascii = (bytes: Uint8Array, start: number, end: number) =>
  Buffer.from(bytes.subarray(start, end)).toString("latin1");

/**
 * Decides what kind of recording bytes are, by content only (never the file name or the
 * browser's declared type): WebM (EBML header with the `webm` doc type), Ogg (Opus or Vorbis
 * in its first page) or MP4 (an `ftyp` box with an audio-capable brand). Anything else is refused.
 */
export function checkAudio(bytes: Uint8Array, { maxBytes }: { maxBytes: number }): AudioCheckResult {
  if (bytes.byteLength === 0) return { ok: false, reason: "empty" };
  if (bytes.byteLength > maxBytes) return { ok: false, reason: "tooLarge" };
  if (bytes.byteLength < 12) return { ok: false, reason: "notAudio" };
  // WebM: EBML magic, then the DocType element (0x42 0x82) saying "webm" within the header.
  if (bytes[0] === 0x1a && bytes[1] === 0x45 && bytes[2] === 0xdf && bytes[3] === 0xa3) {
    const header = ascii(bytes, 4, 64);
    return header.includes("\x42\x82\x84webm")
      ? { ok: true, contentType: "audio/webm", extension: "webm" }
      : { ok: false, reason: "notAudio" };
  }
  // Ogg: "OggS" capture pattern, and an Opus or Vorbis identification header in the first page.
  if (ascii(bytes, 0, 4) === "OggS") {
    const firstPage = ascii(bytes, 0, 128);
    return firstPage.includes("OpusHead") || firstPage.includes("\x01vorbis")
      ? { ok: true, contentType: "audio/ogg", extension: "ogg" }
      : { ok: false, reason: "notAudio" };
  }
  // MP4: the first box is `ftyp` (size, type), its major brand follows.
  if (ascii(bytes, 4, 8) === "ftyp") {
    return MP4_BRANDS.has(ascii(bytes, 8, 12))
      ? { ok: true, contentType: "audio/mp4", extension: "m4a" }
      : { ok: false, reason: "notAudio" };
  }
  return { ok: false, reason: "notAudio" };
}
