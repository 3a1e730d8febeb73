import { openDb, type DbHandle } from "@/db/client";
import { getEnv } from "@/lib/env";

export type { Db, DbHandle, DbOrTx, Tx } from "@/db/client";

// server.ts and Next's compiled routes are separate module graphs: the one handle lives on globalThis.
const globalForDb = globalThis as unknown as { propulseDb?: DbHandle };

/**
 * The process-wide database handle, opened on first use (never at build time). It lives in lib,
 * not db/, because opening it reads the validated environment (lib/env) and db/ imports no lib code.
 */
export function getDbHandle(): DbHandle {
  if (!globalForDb.propulseDb) {
    const env = getEnv();
    globalForDb.propulseDb = openDb({
      databaseUrl: env.DATABASE_URL,
      dataDir: env.DATA_DIR,
      poolMax: env.DATABASE_POOL_MAX,
    });
  }
  return globalForDb.propulseDb;
}

/** Registers a handle opened elsewhere (server.ts opens and migrates it before Next starts; tests register theirs). */
export function setDbHandle(handle: DbHandle): void {
  globalForDb.propulseDb = handle;
}

/** The process-wide Drizzle database (services and pages; query functions take it as their first argument). */
export function getDb() {
  return getDbHandle().db;
}
