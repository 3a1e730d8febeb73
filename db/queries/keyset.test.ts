import { describe, expect, it } from "vitest";
import { decodeKeyset, decodeNameKeyset, encodeKeyset, encodeNameKeyset, toKeysetPage } from "./keyset";

const AT = "2025-03-30T01:59:59.123456Z";
const UUID = "0b6f3a52-8c1e-4d2a-9f3b-5a7c1e2d4f60";
const raw = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");

describe("keyset cursors", () => {
  it("round-trips integer and uuid positions, keeping microseconds", () => {
    expect(decodeKeyset(encodeKeyset({ at: AT, id: 42 }), "integer")).toEqual({ at: AT, id: 42 });
    expect(decodeKeyset(encodeKeyset({ at: AT, id: UUID }), "uuid")).toEqual({ at: AT, id: UUID });
  });

  it("carries `pinned` for lists that put pinned rows first", () => {
    const cursor = encodeKeyset({ at: AT, id: 7, pinned: true });
    expect(decodeKeyset(cursor, "integer")).toEqual({ at: AT, id: 7, pinned: true });
    expect(cursor).toBe(raw({ pinned: true, at: AT, id: 7 }));
  });

  it("answers null for anything malformed, so the list restarts", () => {
    for (const value of [undefined, null, "", "not-a-cursor", raw([1, 2]), raw("x"), raw(null), "x".repeat(500)])
      expect(decodeKeyset(value, "integer")).toBeNull();
    expect(decodeKeyset(raw({ at: "yesterday", id: 1 }), "integer")).toBeNull();
    expect(decodeKeyset(raw({ at: AT, id: 1.5 }), "integer")).toBeNull();
    expect(decodeKeyset(raw({ at: AT, id: 2 ** 60 }), "integer")).toBeNull();
    expect(decodeKeyset(raw({ at: AT, id: 1, pinned: "yes" }), "integer")).toBeNull();
  });

  it("refuses an id of the wrong kind before it can reach the SQL", () => {
    expect(decodeKeyset(raw({ at: AT, id: UUID }), "integer")).toBeNull();
    expect(decodeKeyset(raw({ at: AT, id: "1" }), "integer")).toBeNull();
    expect(decodeKeyset(raw({ at: AT, id: 1 }), "uuid")).toBeNull();
    expect(decodeKeyset(raw({ at: AT, id: "abc" }), "uuid")).toBeNull();
    expect(decodeKeyset(raw({ at: AT, id: "-".repeat(36) }), "uuid")).toBeNull();
  });

  it("drops unknown fields", () => {
    expect(decodeKeyset(raw({ at: AT, id: 3, extra: "x" }), "integer")).toEqual({ at: AT, id: 3 });
  });
});

describe("name keyset cursors", () => {
  it("round-trips with the name lower-cased", () => {
    expect(decodeNameKeyset(encodeNameKeyset({ name: "Élodie", id: UUID }))).toEqual({ name: "élodie", id: UUID });
  });

  it("answers null for anything malformed", () => {
    for (const value of [undefined, "", "nope", raw({ name: 1, id: UUID }), raw({ name: "a", id: "1" })])
      expect(decodeNameKeyset(value)).toBeNull();
  });
});

describe("keyset pages", () => {
  const rows = [1, 2, 3].map((id) => ({ id }));
  const cursorOf = (last: { id: number }) => `after-${last.id}`;

  it("shows `limit` rows and a cursor on the last one shown when the extra row came back", () => {
    expect(toKeysetPage(rows, 2, cursorOf)).toEqual({ items: rows.slice(0, 2), nextCursor: "after-2" });
  });

  it("has no next cursor on the last page", () => {
    expect(toKeysetPage(rows, 3, cursorOf)).toEqual({ items: rows, nextCursor: null });
    expect(toKeysetPage([], 3, cursorOf)).toEqual({ items: [], nextCursor: null });
  });
});
