import { getEnv } from "@/lib/env";
import { openDb, type DbHandle } from "./client";

export type { Db, DbOrTx, Tx } from "./client";

// server.ts and Next's compiled routes are separate module graphs: the one handle lives on globalThis.
const globalForDb = globalThis as unknown as { propulseDb?: DbHandle };

/** The process-wide database handle, opened on first use (never at build time). */
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

/** Registers a handle opened elsewhere (server.ts opens and migrates it before Next starts). */
export function setDbHandle(handle: DbHandle): void {
  globalForDb.propulseDb = handle;
}

export function getDb() {
  return getDbHandle().db;
}
