/**
 * Logos and favicons are raster images recognised by their first bytes, never by the name or
 * the declared type. SVG is refused: it is a document that can carry scripts and links, and
 * sanitising it well is a project of its own; a PNG does the job of a logo.
 */
export type ImageType = "image/png" | "image/jpeg" | "image/webp";
export type ImageCheckResult =
  { ok: true; contentType: ImageType } | { ok: false; reason: "empty" | "tooLarge" | "notImage" };

/** A logo needs no more; a larger file is almost always an unresized photo. */
export const MAX_LOGO_BYTES = 512 * 1024;

const startsWith = (bytes: Uint8Array, signature: number[], offset = 0) =>
  signature.every((byte, index) => bytes[offset + index] === byte);

export function checkImage(bytes: Uint8Array, maxBytes = MAX_LOGO_BYTES): ImageCheckResult {
  if (!bytes.length) return { ok: false, reason: "empty" };
  if (bytes.length > maxBytes) return { ok: false, reason: "tooLarge" };
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
    return { ok: true, contentType: "image/png" };
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return { ok: true, contentType: "image/jpeg" };
  // RIFF....WEBP
  if (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes, [0x57, 0x45, 0x42, 0x50], 8)) {
    return { ok: true, contentType: "image/webp" };
  }
  return { ok: false, reason: "notImage" };
}
