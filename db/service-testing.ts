/**
 * Integration tests of service functions (lib/∗/service.ts), which use the process-wide
 * handle from `getDb()`: registers a fresh test database as that handle, and points the
 * environment at a temporary data folder (emails go to its outbox, uploads to its storage). Used by *.test.ts only.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { setDbHandle } from "@/lib/db";
import { createTestDb, type TestDb } from "./testing";

export async function createServiceTestDb(
  env: Record<string, string> = {},
  options: { onQuery?: (sql: string) => void } = {},
): Promise<TestDb & { dataDir: string }> {
  const dataDir = mkdtempSync(path.join(tmpdir(), "propulse-service-"));
  Object.assign(process.env, {
    DATA_DIR: dataDir,
    AUTH_SECRET: "test-secret-".padEnd(40, "x"),
    DATABASE_URL: "",
    ...env,
  });
  // A fresh read of the environment for this file, and a storage in its data folder.
  delete (globalThis as { propulseEnv?: unknown }).propulseEnv;
  delete (globalThis as { propulseStorage?: unknown }).propulseStorage;
  const testDb = await createTestDb(options);
  setDbHandle({
    db: testDb.db,
    driver: testDb.driver,
    pglite: testDb.pglite,
    close: testDb.close,
    ping: async () => {},
  });
  return { ...testDb, dataDir };
}
