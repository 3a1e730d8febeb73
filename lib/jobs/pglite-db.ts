import type { PGlite } from "@electric-sql/pglite";
import type PgBoss from "pg-boss";

// pg-boss wraps its maintenance and schema changes as one string "BEGIN; …; COMMIT;".
const OUTER_TRANSACTION = /^\s*BEGIN\s*;([\s\S]*?);?\s*COMMIT\s*;?\s*$/i;

/**
 * pg-boss's `db` option backed by the app's PGlite instance: the embedded default runs the same
 * queue as PostgreSQL, inside the one process that owns the data folder (a second connection, or
 * a second process, is impossible on PGlite).
 *
 * - A statement with values is one parameterised query (`query`), in its own implicit transaction.
 * - A string without values may hold several statements (schema creation, maintenance): it runs
 *   through `exec` inside `PGlite.transaction`, after removing pg-boss's own BEGIN/COMMIT. Sent
 *   as is, a failing statement would leave the single connection in an aborted transaction
 *   ("current transaction is aborted") for every later query of the app; `transaction` rolls it
 *   back instead, and holds PGlite's exclusive lock so no app query runs in between.
 * - PGlite serialises its callers: a pg-boss query waits for an open app transaction to end and
 *   never runs inside it.
 */
export function pgliteBossDb(client: PGlite): PgBoss.Db {
  return {
    async executeSql(text: string, values?: unknown[]) {
      if (values && values.length > 0) {
        const result = await client.query(text, values as unknown[]);
        return { rows: result.rows };
      }
      const body = OUTER_TRANSACTION.exec(text)?.[1] ?? text;
      const results = await client.transaction((tx) => tx.exec(body));
      return { rows: results.at(-1)?.rows ?? [] };
    },
  };
}
