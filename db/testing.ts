import { randomBytes } from "node:crypto";
import pg from "pg";
import type { PGlite } from "@electric-sql/pglite";
import { migrateDb, openDb, type Db, type DbDriver } from "./client";

export type TestDb = {
  db: Db;
  driver: DbDriver;
  close: () => Promise<void>;
  /** The scratch database's URL (PostgreSQL) or the PGlite client: what a test's job queue runs on. */
  url?: string;
  pglite?: PGlite;
};

async function runAdmin(adminUrl: string, sql: string) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * An empty PostgreSQL database created next to the one `adminUrl` points at (tests, e2e and
 * benchmarks each get their own), with the function that drops it.
 */
export async function createScratchDatabase(
  adminUrl: string,
  prefix = "propulse_test",
): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `${prefix}_${randomBytes(6).toString("hex")}`;
  await runAdmin(adminUrl, `create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => runAdmin(adminUrl, `drop database if exists ${name} with (force)`) };
}

/**
 * A fresh, migrated database for one test file: a new PostgreSQL database when
 * TEST_DATABASE_URL is set (dropped on close), otherwise an in-memory PGlite.
 */
export async function createTestDb(options: { onQuery?: (sql: string) => void } = {}): Promise<TestDb> {
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) {
    const handle = openDb({ onQuery: options.onQuery });
    await migrateDb(handle);
    return { db: handle.db, driver: handle.driver, close: handle.close, pglite: handle.pglite };
  }
  const scratch = await createScratchDatabase(adminUrl);
  const handle = openDb({ databaseUrl: scratch.url, poolMax: 4, onQuery: options.onQuery });
  await migrateDb(handle);
  return {
    db: handle.db,
    driver: handle.driver,
    url: scratch.url,
    close: async () => {
      await handle.close();
      await scratch.drop();
    },
  };
}
