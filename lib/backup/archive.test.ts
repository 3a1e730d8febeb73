/**
 * Backup round trip on the embedded database (and on PostgreSQL when TEST_DATABASE_URL is set):
 * the demo instance is backed up, restored into an empty place, checked (row counts, files), and
 * the app's own service reads the demo CV from the copy. A tampered archive and a non-empty
 * target without --force are refused.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { strFromU8, unzipSync, zipSync } from "fflate";
import { afterAll, describe, expect, it } from "vitest";
import { migrateDb, openDb, type DbHandle } from "@/db/client";
import { seedDemoContent } from "@/db/seed";
import { createScratchDatabase } from "@/db/testing";
import { actorOf } from "@/db/test-factories";
import { contextFor } from "@/lib/context";
import { setDbHandle } from "@/lib/db";
import { readThreadFile } from "@/lib/reviews/service";
import { createLocalStorage } from "@/lib/storage/local";
import { BackupError, createBackup, restoreBackup } from "./archive";

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

/** Points the process (env, storage, database handle) at one data folder, as server.ts does. */
function useDataDir(dataDir: string) {
  Object.assign(process.env, { DATA_DIR: dataDir, AUTH_SECRET: "test-secret-".padEnd(40, "x"), DATABASE_URL: "" });
  delete (globalThis as { propulseEnv?: unknown }).propulseEnv;
  delete (globalThis as { propulseStorage?: unknown }).propulseStorage;
}

async function seedInstance(handle: DbHandle) {
  await migrateDb(handle);
  await seedDemoContent(handle.db);
}

/** Reads the demo CV through the review service on the given (restored) database, as a member. */
async function readDemoCv(handle: DbHandle): Promise<Uint8Array> {
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

const folder = () => mkdtempSync(path.join(tmpdir(), "propulse-backup-test-"));

describe("backup and restore (embedded PGlite)", () => {
  it(
    "round-trips the demo instance, refuses a tampered archive and a non-empty target without --force",
    { timeout: 180_000 },
    async () => {
      const source = folder();
      useDataDir(source);
      const sourceHandle = openDb({ dataDir: source });
      await seedInstance(sourceHandle);
      await sourceHandle.close();
      const sourceStorage = createLocalStorage(path.join(source, "uploads"));
      const { zip, manifest } = await createBackup({ dataDir: source, storage: sourceStorage });
      expect(manifest.driver).toBe("pglite");
      expect(manifest.rowCounts.users).toBeGreaterThanOrEqual(6);
      expect(manifest.files.length).toBeGreaterThan(0);
      expect(manifest.missingFiles).toEqual([]);

      // One changed byte in a stored file: refused before anything is written.
      const entries = unzipSync(zip);
      const fileEntry = Object.keys(entries).find((name) => name.startsWith("files/"))!;
      const tampered = {
        ...entries,
        [fileEntry]: Uint8Array.from(entries[fileEntry]!, (b, i) => (i === 0 ? b ^ 1 : b)),
      };
      const copy = folder();
      const copyStorage = createLocalStorage(path.join(copy, "uploads"));
      await expect(restoreBackup(zipSync(tampered), { dataDir: copy, storage: copyStorage })).rejects.toThrow(
        /Checksum mismatch/,
      );

      const report = await restoreBackup(zip, { dataDir: copy, storage: copyStorage });
      expect(report.isComplete).toBe(true);
      expect(report.rowCounts.users).toEqual({
        expected: manifest.rowCounts.users,
        restored: manifest.rowCounts.users,
      });
      expect(report.files).toBe(manifest.files.length);

      await expect(restoreBackup(zip, { dataDir: copy, storage: copyStorage })).rejects.toBeInstanceOf(BackupError);
      expect((await restoreBackup(zip, { dataDir: copy, storage: copyStorage }, { force: true })).isComplete).toBe(
        true,
      );

      // The app's service reads the demo CV from the copy.
      useDataDir(copy);
      const copyHandle = openDb({ dataDir: copy });
      cleanups.push(() => copyHandle.close());
      const bytes = await readDemoCv(copyHandle);
      expect(strFromU8(bytes.subarray(0, 5))).toBe("%PDF-");
    },
  );
});

describe.runIf(process.env.TEST_DATABASE_URL)("backup and restore (PostgreSQL)", () => {
  it("round-trips the demo instance with pg_dump -Fc / pg_restore", { timeout: 180_000 }, async () => {
    const adminUrl = process.env.TEST_DATABASE_URL!;
    const source = await createScratchDatabase(adminUrl, "propulse_backup_src");
    const target = await createScratchDatabase(adminUrl, "propulse_backup_dst");
    cleanups.push(source.drop, target.drop);
    const sourceDir = folder();
    useDataDir(sourceDir);
    const sourceHandle = openDb({ databaseUrl: source.url, poolMax: 2 });
    await seedInstance(sourceHandle);
    await sourceHandle.close();
    const { zip, manifest } = await createBackup({
      databaseUrl: source.url,
      dataDir: sourceDir,
      storage: createLocalStorage(path.join(sourceDir, "uploads")),
    });
    expect(manifest.driver).toBe("postgres");
    const targetDir = folder();
    const targetStorage = createLocalStorage(path.join(targetDir, "uploads"));
    await expect(restoreBackup(zip, { dataDir: targetDir, storage: targetStorage })).rejects.toThrow(
      /postgres database; the target is pglite/,
    );
    const report = await restoreBackup(zip, { databaseUrl: target.url, dataDir: targetDir, storage: targetStorage });
    expect(report.isComplete).toBe(true);
    await expect(
      restoreBackup(zip, { databaseUrl: target.url, dataDir: targetDir, storage: targetStorage }),
    ).rejects.toThrow(/not empty/);
    useDataDir(targetDir);
    const copyHandle = openDb({ databaseUrl: target.url, poolMax: 2 });
    cleanups.push(() => copyHandle.close());
    expect(strFromU8((await readDemoCv(copyHandle)).subarray(0, 5))).toBe("%PDF-");
  });
});
