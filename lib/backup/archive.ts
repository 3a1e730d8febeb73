/**
 * Backups and restores (README "Backups and restore"): one ZIP holding the database (`pg_dump
 * -Fc` on PostgreSQL, PGlite's `dumpDataDir` on the embedded default), every stored file, and a
 * manifest with the SHA-256 of each entry, the row count of each table and the file list.
 * Used by `npm run backup` / `npm run restore` (db/backup-cli.ts, db/restore-cli.ts) and tests.
 */
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from "fflate";
import pg from "pg";
import { openDb } from "@/db/client";
import type { FileStorage } from "@/lib/storage/types";

const run = promisify(execFile);
export const BACKUP_FORMAT = "propulse-backup/1";
const PG_DUMP_ENTRY = "database/postgres.dump";
const PGLITE_ENTRY = "database/pglite.tar.gz";

export type BackupManifest = {
  format: typeof BACKUP_FORMAT;
  createdAt: string;
  driver: "postgres" | "pglite";
  /** Rows per table of the `public` schema at the moment of the dump. */
  rowCounts: Record<string, number>;
  /** Storage keys of every `stored_files` row, and those whose bytes were missing at backup time. */
  files: string[];
  missingFiles: string[];
  /** SHA-256 (hex) and size of every other entry of the archive. */
  entries: Record<string, { sha256: string; bytes: number }>;
};

export type BackupTarget = { databaseUrl?: string; dataDir: string; storage: FileStorage };

export class BackupError extends Error {}

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

const COUNT_TABLES = `select table_name as name from information_schema.tables
  where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`;

type Query = (text: string) => Promise<{ rows: Record<string, unknown>[] }>;

async function countRows(query: Query): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const { name } of (await query(COUNT_TABLES)).rows) {
    const { rows } = await query(`select count(*)::int as n from public."${String(name)}"`);
    counts[String(name)] = Number(rows[0]!.n);
  }
  return counts;
}

async function storageKeys(query: Query): Promise<string[]> {
  return (await query("select storage_key as key from stored_files order by storage_key")).rows.map((row) =>
    String(row.key),
  );
}

/**
 * Writes a consistent archive. On PostgreSQL, pg_dump runs on a snapshot exported by a
 * repeatable-read transaction, which also lists the row counts and the files: all three see the
 * same moment. On the embedded database the data folder is locked for the copy (the app must be
 * stopped: the lock refuses otherwise).
 */
export async function createBackup(target: BackupTarget): Promise<{ zip: Uint8Array; manifest: BackupManifest }> {
  const entries: Zippable = {};
  let rowCounts: Record<string, number>;
  let files: string[];
  let driver: BackupManifest["driver"];
  if (target.databaseUrl) {
    driver = "postgres";
    const client = new pg.Client({ connectionString: target.databaseUrl });
    await client.connect();
    const work = mkdtempSync(path.join(tmpdir(), "propulse-backup-"));
    try {
      await client.query("begin isolation level repeatable read read only");
      const { rows } = await client.query<{ snapshot: string }>("select pg_export_snapshot() as snapshot");
      const dumpFile = path.join(work, "db.dump");
      await run("pg_dump", [
        "-Fc",
        "--no-owner",
        `--snapshot=${rows[0]!.snapshot}`,
        "-f",
        dumpFile,
        target.databaseUrl,
      ]);
      const query: Query = (text) => client.query(text);
      rowCounts = await countRows(query);
      files = await storageKeys(query);
      await client.query("commit");
      entries[PG_DUMP_ENTRY] = [readFileSync(dumpFile), { level: 0 }];
    } finally {
      await client.end();
      rmSync(work, { recursive: true, force: true });
    }
  } else {
    driver = "pglite";
    const handle = openDb({ dataDir: target.dataDir });
    try {
      const query: Query = (text) => handle.pglite!.query(text);
      rowCounts = await countRows(query);
      files = await storageKeys(query);
      const dump = await handle.pglite!.dumpDataDir("gzip");
      entries[PGLITE_ENTRY] = [new Uint8Array(await dump.arrayBuffer()), { level: 0 }];
    } finally {
      await handle.close();
    }
  }
  const missingFiles: string[] = [];
  for (const key of files) {
    const bytes = await target.storage.get(key);
    if (bytes) entries[`files/${key}`] = [bytes, { level: 0 }];
    else missingFiles.push(key);
  }
  const manifest: BackupManifest = {
    format: BACKUP_FORMAT,
    createdAt: new Date().toISOString(),
    driver,
    rowCounts,
    files,
    missingFiles,
    entries: Object.fromEntries(
      Object.entries(entries).map(([name, value]) => {
        const bytes = (Array.isArray(value) ? value[0] : value) as Uint8Array;
        return [name, { sha256: sha256(bytes), bytes: bytes.byteLength }];
      }),
    ),
  };
  entries["manifest.json"] = strToU8(JSON.stringify(manifest, null, 2));
  return { zip: zipSync(entries), manifest };
}

/** Reads an archive and checks every entry against the manifest; throws on any difference. */
export function readBackup(zip: Uint8Array): { manifest: BackupManifest; entries: Record<string, Uint8Array> } {
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(zip);
  } catch {
    throw new BackupError("Not a backup archive (unreadable ZIP).");
  }
  const raw = entries["manifest.json"];
  if (!raw) throw new BackupError("Not a backup archive (no manifest.json).");
  const manifest = JSON.parse(strFromU8(raw)) as BackupManifest;
  if (manifest.format !== BACKUP_FORMAT) throw new BackupError(`Unknown backup format: ${String(manifest.format)}`);
  const names = new Set(Object.keys(entries).filter((name) => name !== "manifest.json"));
  for (const [name, expected] of Object.entries(manifest.entries)) {
    const bytes = entries[name];
    if (!bytes) throw new BackupError(`Checksum mismatch: ${name} is missing from the archive.`);
    if (sha256(bytes) !== expected.sha256) throw new BackupError(`Checksum mismatch: ${name} is not what was saved.`);
    names.delete(name);
  }
  if (names.size > 0) throw new BackupError(`Checksum mismatch: unexpected entries ${[...names].join(", ")}.`);
  return { manifest, entries };
}

async function isDatabaseEmpty(target: BackupTarget): Promise<boolean> {
  if (target.databaseUrl) {
    const client = new pg.Client({ connectionString: target.databaseUrl });
    await client.connect();
    try {
      const { rows } = await client.query<{ n: number }>(
        "select count(*)::int as n from information_schema.tables where table_schema in ('public', 'pgboss')",
      );
      return rows[0]!.n === 0;
    } finally {
      await client.end();
    }
  }
  const folder = path.join(target.dataDir, "pglite");
  return !existsSync(folder) || readdirSync(folder).length === 0;
}

export type RestoreReport = {
  rowCounts: Record<string, { expected: number; restored: number }>;
  files: number;
  missingFiles: string[];
  isComplete: boolean;
};

/**
 * Restores an archive into an empty database (or any with `force`), then its files into the
 * storage, then checks the copy: row counts per table and every file row's bytes.
 */
export async function restoreBackup(
  zip: Uint8Array,
  target: BackupTarget,
  options: { force?: boolean } = {},
): Promise<RestoreReport> {
  const { manifest, entries } = readBackup(zip);
  const wants = target.databaseUrl ? "postgres" : "pglite";
  if (manifest.driver !== wants) {
    throw new BackupError(`This archive holds a ${manifest.driver} database; the target is ${wants}.`);
  }
  if (!options.force && !(await isDatabaseEmpty(target))) {
    throw new BackupError(
      "The target database is not empty: restore into an empty one, or pass --force to replace it.",
    );
  }
  if (target.databaseUrl) {
    const work = mkdtempSync(path.join(tmpdir(), "propulse-restore-"));
    try {
      const dumpFile = path.join(work, "db.dump");
      writeFileSync(dumpFile, entries[PG_DUMP_ENTRY]!);
      const clean = options.force ? ["--clean", "--if-exists"] : [];
      await run("pg_restore", ["--no-owner", "--exit-on-error", ...clean, "-d", target.databaseUrl, dumpFile]);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  } else {
    rmSync(path.join(target.dataDir, "pglite"), { recursive: true, force: true });
    const handle = openDb({ dataDir: target.dataDir, loadDataDir: new Blob([new Uint8Array(entries[PGLITE_ENTRY]!)]) });
    await handle.close();
  }
  for (const key of manifest.files) {
    const bytes = entries[`files/${key}`];
    if (bytes) await target.storage.put(key, bytes, "application/octet-stream");
  }
  return verifyRestore(manifest, target);
}

/** Row counts per table against the manifest, and the bytes of every file row. */
async function verifyRestore(manifest: BackupManifest, target: BackupTarget): Promise<RestoreReport> {
  const handle = openDb({ databaseUrl: target.databaseUrl, dataDir: target.dataDir, poolMax: 1 });
  try {
    const query: Query = async (text) =>
      handle.pool
        ? handle.pool.query(text)
        : (handle.pglite!.query(text) as Promise<{ rows: Record<string, unknown>[] }>);
    const restored = await countRows(query);
    const rowCounts: RestoreReport["rowCounts"] = {};
    for (const table of new Set([...Object.keys(manifest.rowCounts), ...Object.keys(restored)])) {
      rowCounts[table] = { expected: manifest.rowCounts[table] ?? 0, restored: restored[table] ?? 0 };
    }
    const keys = await storageKeys(query);
    const missingFiles: string[] = [];
    for (const key of keys) if (!(await target.storage.get(key))) missingFiles.push(key);
    const isComplete =
      Object.values(rowCounts).every((count) => count.expected === count.restored) && missingFiles.length === 0;
    return { rowCounts, files: keys.length - missingFiles.length, missingFiles, isComplete };
  } finally {
    await handle.close();
  }
}
