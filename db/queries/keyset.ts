import { sql, type AnyColumn, type SQL } from "drizzle-orm";

/** A keyset position: PostgreSQL's own text of a timestamp (microseconds) and a tie-breaking id. */
export type Keyset = { at: string; id: string | number };

/** The timestamp as PostgreSQL text with microseconds, which a JS Date would drop. */
export function timestampKey(column: AnyColumn): SQL<string> {
  return sql<string>`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
}

export function encodeKeyset(position: Keyset): string {
  return Buffer.from(JSON.stringify(position)).toString("base64url");
}

/** Null for anything malformed: a tampered cursor simply restarts the list. */
export function decodeKeyset(value: string | undefined | null): Keyset | null {
  if (!value || value.length > 200) return null;
  try {
    const position = JSON.parse(Buffer.from(value, "base64url").toString("utf8")) as Keyset;
    const isValidId =
      (typeof position.id === "number" && Number.isSafeInteger(position.id)) ||
      (typeof position.id === "string" && /^[0-9a-f-]{1,36}$/i.test(position.id));
    if (typeof position.at !== "string" || Number.isNaN(Date.parse(position.at)) || !isValidId) return null;
    return position;
  } catch {
    return null;
  }
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

export function encodeNameKeyset(position: { name: string; id: string }): string {
  return Buffer.from(JSON.stringify({ name: position.name.toLowerCase(), id: position.id })).toString("base64url");
}

export function decodeNameKeyset(value: string | undefined | null): NameKeyset | null {
  if (!value || value.length > 400) return null;
  try {
    const cursor = JSON.parse(Buffer.from(value, "base64url").toString("utf8"));
    if (typeof cursor.name !== "string" || typeof cursor.id !== "string" || !/^[0-9a-f-]{36}$/i.test(cursor.id))
      return null;
    return cursor;
  } catch {
    return null;
  }
}
