import { mkdirSync } from "node:fs";
import path from "node:path";
import { acquireDataDirLock } from "./data-dir-lock";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { unaccent } from "@electric-sql/pglite/contrib/unaccent";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePg, type NodePgDatabase } from "drizzle-orm/node-postgres";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import pg from "pg";
import * as schema from "./schema";

/**
 * The one database type the app codes against. The PGlite driver exposes the same query
 * builder; it is typed as node-postgres so queries are written once for both.
 */
export type Db = NodePgDatabase<typeof schema>;
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
/** Either the database or an open transaction: what query functions accept. */
export type DbOrTx = Db | Tx;

export type DbDriver = "postgres" | "pglite";

export type DbHandle = {
  db: Db;
  driver: DbDriver;
  /** The node-postgres pool (PostgreSQL only). */
  pool?: pg.Pool;
  /** The PGlite client (embedded only): the job queue runs its SQL through it (lib/jobs). */
  pglite?: PGlite;
  close: () => Promise<void>;
  /** Cheap round trip, for health checks. */
  ping: () => Promise<void>;
};

export const MIGRATIONS_FOLDER = path.join(process.cwd(), "db", "migrations");

export type OpenDbOptions = {
  databaseUrl?: string;
  dataDir?: string;
  poolMax?: number;
  /** Called with each SQL statement Drizzle sends (tests count queries with it). */
  onQuery?: (sql: string) => void;
  /** Embedded only: start from this `dumpDataDir` archive (a restore into an empty folder). */
  loadDataDir?: Blob;
};

/** Opens a database: node-postgres with a pool when a URL is given, otherwise embedded PGlite. */
export function openDb(options: OpenDbOptions): DbHandle {
  const logger = options.onQuery ? { logQuery: (query: string) => options.onQuery!(query) } : undefined;
  if (options.databaseUrl) return openPostgres(options.databaseUrl, options.poolMax ?? 10, logger);
  return openPglite(options.dataDir, logger, options.loadDataDir);
}

type Logger = { logQuery: (query: string) => void } | undefined;

function openPostgres(url: string, poolMax: number, logger: Logger): DbHandle {
  const pool = new pg.Pool({ connectionString: url, max: poolMax, connectionTimeoutMillis: 5_000 });
  // An idle client losing its connection must not crash the process; the pool replaces it.
  pool.on("error", (error) => console.error("[db] idle client error:", error.message));
  // Nor a checked-out one between two queries (a transaction's, when the server shuts down: 57P01):
  // without a listener of its own that error is uncaught. Its next query fails, the request
  // answers 503, and the pool discards the client when it is released.
  pool.on("connect", (client) => {
    client.on("error", (error) => console.error("[db] connection lost:", error.message));
  });
  const db = drizzlePg(pool, { schema, logger });
  return {
    db,
    driver: "postgres",
    pool,
    close: () => pool.end(),
    ping: async () => {
      await pool.query("select 1");
    },
  };
}

/**
 * Opens PGlite in `dataDir` (in memory when undefined). Two processes on one data folder
 * corrupt it silently, so an exclusive lock file guards the folder for this process's life.
 */
function openPglite(dataDir: string | undefined, logger: Logger, loadDataDir?: Blob): DbHandle {
  let releaseLock = () => {};
  if (dataDir) {
    mkdirSync(dataDir, { recursive: true });
    releaseLock = acquireDataDirLock(dataDir);
  }
  // Search (migration 0016) needs these contrib extensions, which PGlite loads only when asked.
  // "memory://" rather than undefined: with an undefined first argument the options are ignored.
  const client = new PGlite(dataDir ? path.join(dataDir, "pglite") : "memory://", {
    extensions: { unaccent, pg_trgm },
    ...(loadDataDir ? { loadDataDir } : {}),
  });
  const db = drizzlePglite(client, { schema, logger }) as unknown as Db;
  return {
    db,
    driver: "pglite",
    pglite: client,
    close: async () => {
      await client.close();
      releaseLock();
    },
    ping: async () => {
      await client.query("select 1");
    },
  };
}

// Any constant: serialises migrations when several instances start at once.
const MIGRATION_LOCK_KEY = 7461002;

/** Applies the committed drizzle-kit migrations. */
export async function migrateDb(handle: DbHandle): Promise<void> {
  if (handle.driver === "postgres" && handle.pool) {
    // One connection holds a session lock while migrating: a second instance waits, then finds nothing to do.
    const client = await handle.pool.connect();
    try {
      await client.query("select pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
      await migratePg(drizzlePg(client, { schema }), { migrationsFolder: MIGRATIONS_FOLDER });
    } finally {
      await client.query("select pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY]).catch(() => {});
      client.release();
    }
  } else {
    await migratePglite(handle.db as never, { migrationsFolder: MIGRATIONS_FOLDER });
  }
}
