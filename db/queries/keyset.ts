import { sql, type AnyColumn, type SQL } from "drizzle-orm";

/**
 * The one keyset cursor of the app: a position in a list, sent to the browser as opaque
 * base64url JSON and read back with validation. `at` is PostgreSQL's own text of a timestamp
 * (microseconds, which a JS Date would drop, so rows written in the same millisecond are neither
 * skipped nor repeated); `id` breaks ties; `pinned` is carried by lists that put pinned rows first.
 */
export type Keyset<Id extends number | string = number | string> = { at: string; id: Id; pinned?: boolean };

/** The kind of the tie-breaking id column: a cursor carrying another kind is malformed. */
export type KeysetIdKind = "integer" | "uuid";

/** Far longer than any cursor we issue: anything bigger is not worth parsing. */
const MAX_CURSOR_LENGTH = 400;

/** Canonical UUID text: anything looser would make PostgreSQL's `::uuid` cast fail instead of restarting. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function toCursorString(value: object): string {
  return Buffer.from(JSON.stringify(value)).toString("base64url");
}

/** The decoded JSON object, or null for anything that is not one. */
function fromCursorString(value: string | undefined | null): Record<string, unknown> | null {
  if (!value || value.length > MAX_CURSOR_LENGTH) return null;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(value, "base64url").toString("utf8"));
    return parsed && typeof parsed === "object" && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/**
 * Splits the `limit + 1` rows a list query fetched into the page and the cursor of the next one:
 * the extra row only tells that there is a next page, and `cursorOf` encodes the last row shown.
 */
export function toKeysetPage<Row>(
  rows: Row[],
  limit: number,
  cursorOf: (last: Row) => string,
): { items: Row[]; nextCursor: string | null } {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last ? cursorOf(last) : null };
}

/** The timestamp as PostgreSQL text with microseconds, which a JS Date would drop. */
export function timestampKey(column: AnyColumn): SQL<string> {
  return sql<string>`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
}

export function encodeKeyset(position: Keyset): string {
  const { at, id, pinned } = position;
  return toCursorString(pinned === undefined ? { at, id } : { pinned, at, id });
}

/**
 * Null for anything malformed (not our JSON, a bad timestamp, an id of the wrong kind, a
 * non-boolean `pinned`): a tampered cursor simply restarts the list, it never reaches the SQL.
 */
export function decodeKeyset(value: string | undefined | null, idKind: "integer"): Keyset<number> | null;
export function decodeKeyset(value: string | undefined | null, idKind: "uuid"): Keyset<string> | null;
export function decodeKeyset(value: string | undefined | null, idKind: KeysetIdKind): Keyset | null {
  const cursor = fromCursorString(value);
  if (!cursor) return null;
  const { at, id, pinned } = cursor;
  if (typeof at !== "string" || Number.isNaN(Date.parse(at))) return null;
  if (pinned !== undefined && typeof pinned !== "boolean") return null;
  if (!isKeysetId(id, idKind)) return null;
  return pinned === undefined ? { at, id } : { at, id, pinned };
}

function isKeysetId(id: unknown, idKind: KeysetIdKind): id is number | string {
  return idKind === "integer"
    ? typeof id === "number" && Number.isSafeInteger(id)
    : typeof id === "string" && UUID.test(id);
}

/** `(at, id) > cursor` (ascending lists) or `<` (descending lists). */
export function afterKeyset(
  atColumn: AnyColumn,
  idColumn: AnyColumn,
  position: Keyset | null,
  direction: "asc" | "desc",
): SQL | undefined {
  if (!position) return undefined;
  const id = typeof position.id === "number" ? sql`${position.id}` : sql`${position.id}::uuid`;
  return direction === "asc"
    ? sql`(${atColumn}, ${idColumn}) > (${position.at}::timestamptz, ${id})`
    : sql`(${atColumn}, ${idColumn}) < (${position.at}::timestamptz, ${id})`;
}

/** A position in a list ordered by (lower(name), id). */
export type NameKeyset = { name: string; id: string };

/** `(lower(name), id) > cursor`, for lists ordered by (lower(name), id) with a uuid id. */
export function afterNameKeyset(
  nameColumn: AnyColumn,
  idColumn: AnyColumn,
  position: NameKeyset | null,
): SQL | undefined {
  if (!position) return undefined;
  return sql`(lower(${nameColumn}), ${idColumn}) > (${position.name}, ${position.id}::uuid)`;
}

export function encodeNameKeyset(position: { name: string; id: string }): string {
  return toCursorString({ name: position.name.toLowerCase(), id: position.id });
}

/** Null for anything malformed, as `decodeKeyset`. */
export function decodeNameKeyset(value: string | undefined | null): NameKeyset | null {
  const cursor = fromCursorString(value);
  if (!cursor) return null;
  const { name, id } = cursor;
  if (typeof name !== "string" || typeof id !== "string" || !UUID.test(id)) return null;
  return { name, id };
}
