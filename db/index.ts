/**
 * The database types the app codes against. The process-wide handle (`getDb`, `getDbHandle`,
 * `setDbHandle`) lives in lib/db.ts: opening it reads lib/env, and db/ imports no lib code.
 */
export type { Db, DbHandle, DbOrTx, Tx } from "./client";
