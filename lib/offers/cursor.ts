/**
 * Keyset cursors: `at` is PostgreSQL's own text of a timestamp (microseconds, which a JS Date
 * would drop, so rows written in the same millisecond are neither skipped nor repeated).
 */
export type KeysetCursor = { at: string; id: number };

export function encodeCursor(cursor: KeysetCursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString("base64url");
}

/** Null for anything malformed: a tampered cursor restarts at the first page, never errors. */
export function decodeCursor(value: string | undefined | null): KeysetCursor | null {
  if (!value) return null;
  try {
    const cursor = JSON.parse(Buffer.from(value, "base64url").toString("utf8")) as KeysetCursor;
    if (!Number.isSafeInteger(cursor.id) || typeof cursor.at !== "string" || Number.isNaN(Date.parse(cursor.at)))
      return null;
    return { at: cursor.at, id: cursor.id };
  } catch {
    return null;
  }
}
