import { randomBytes } from "node:crypto";
import pg from "pg";
import { migrateDb, openDb, type Db, type DbDriver } from "./client";

export type TestDb = { db: Db; driver: DbDriver; close: () => Promise<void> };

/**
 * A fresh, migrated database for one test file: a new PostgreSQL database when
 * TEST_DATABASE_URL is set (dropped on close), otherwise an in-memory PGlite.
 */
export async function createTestDb(options: { onQuery?: (sql: string) => void } = {}): Promise<TestDb> {
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) {
    const handle = openDb({ onQuery: options.onQuery });
    await migrateDb(handle);
    return { db: handle.db, driver: handle.driver, close: handle.close };
  }
  const name = `propulse_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const handle = openDb({ databaseUrl: url.toString(), poolMax: 4, onQuery: options.onQuery });
  await migrateDb(handle);
  return {
    db: handle.db,
    driver: handle.driver,
    close: async () => {
      await handle.close();
      const cleanup = new pg.Client({ connectionString: adminUrl });
      await cleanup.connect();
      await cleanup.query(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  };
}
