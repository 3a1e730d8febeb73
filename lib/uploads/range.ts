import "server-only";
/**
 * One byte range from a `Range` header (RFC 9110), as media players send it: Safari plays audio
 * only from servers that answer ranges, and every browser seeks with them. Several ranges or
 * anything unparsable count as no range (the whole file is sent); a range past the end is
 * unsatisfiable (416).
 */
export type ByteRange = { start: number; end: number };

export function parseByteRange(header: string | null, size: number): ByteRange | "unsatisfiable" | null {
  const match = /^bytes=(\d*)-(\d*)$/.exec(header?.trim() ?? "");
  if (!match || (!match[1] && !match[2])) return null;
  if (size === 0) return "unsatisfiable";
  if (!match[1]) {
    // "bytes=-N": the last N bytes.
    const length = Number(match[2]);
    if (length === 0) return "unsatisfiable";
    return { start: Math.max(0, size - length), end: size - 1 };
  }
  const start = Number(match[1]);
  const end = match[2] ? Math.min(Number(match[2]), size - 1) : size - 1;
  if (start >= size || end < start) return "unsatisfiable";
  return { start, end };
}
