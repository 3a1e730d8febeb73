/** Backup round trip on PostgreSQL (pg_dump -Fc / pg_restore): run by the PostgreSQL pass only. */
import path from "node:path";
import { strFromU8 } from "fflate";
import { describe, expect, it } from "vitest";
import { openDb } from "@/db/client";
import { createScratchDatabase } from "@/db/testing";
import { createLocalStorage } from "@/lib/storage/local";
import { createBackup, restoreBackup } from "./archive";
import { cleanups, folder, readDemoCv, seedInstance, useDataDir } from "./archive-fixtures";

describe("backup and restore (PostgreSQL)", () => {
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
