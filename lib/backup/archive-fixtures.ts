/** What the backup tests share: a data folder per instance, the demo seed, reading the demo CV back. */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll } from "vitest";
import { migrateDb, type DbHandle } from "@/db/client";
import { seedDemoContent } from "@/db/seed";
import { actorOf } from "@/db/test-factories";
import { contextFor } from "@/lib/context";
import { setDbHandle } from "@/lib/db";
import { readThreadFile } from "@/lib/reviews/service";

export const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

/** Points the process (env, storage, database handle) at one data folder, as server.ts does. */
export function useDataDir(dataDir: string) {
  Object.assign(process.env, { DATA_DIR: dataDir, AUTH_SECRET: "test-secret-".padEnd(40, "x"), DATABASE_URL: "" });
  delete (globalThis as { propulseEnv?: unknown }).propulseEnv;
  delete (globalThis as { propulseStorage?: unknown }).propulseStorage;
}

export async function seedInstance(handle: DbHandle) {
  await migrateDb(handle);
  await seedDemoContent(handle.db);
}

/** Reads the demo CV through the review service on the given (restored) database, as a member. */
export async function readDemoCv(handle: DbHandle): Promise<Uint8Array> {
  setDbHandle(handle);
  const { rows } = (await handle.db.execute(sql`
    select f.id, u.id as "userId", u.role, u.status from stored_files f, users u
    where f.content_type = 'application/pdf' and u.email = 'camille@propulse.demo' limit 1`)) as unknown as {
    rows: { id: string; userId: string; role: "member"; status: "active" }[];
  };
  const row = rows[0]!;
  const { bytes } = await readThreadFile(
    contextFor(actorOf({ id: row.userId, role: row.role, status: row.status }), handle.db),
    row.id,
  );
  return bytes;
}

export const folder = () => mkdtempSync(path.join(tmpdir(), "propulse-backup-test-"));
