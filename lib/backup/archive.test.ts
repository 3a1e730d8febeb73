/**
 * Backup round trip on the embedded database (PostgreSQL: archive.pg.test.ts):
 * the demo instance is backed up, restored into an empty place, checked (row counts, files), and
 * the app's own service reads the demo CV from the copy. A tampered archive and a non-empty
 * target without --force are refused.
 */
import path from "node:path";
import { strFromU8, unzipSync, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { openDb } from "@/db/client";
import { createLocalStorage } from "@/lib/storage/local";
import { BackupError, createBackup, restoreBackup } from "./archive";
import { cleanups, folder, readDemoCv, seedInstance, useDataDir } from "./archive-fixtures";

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
