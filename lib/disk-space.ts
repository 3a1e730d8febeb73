/**
 * Free space under DATA_DIR, as the HTTP edge needs to know it: below a threshold the app refuses
 * writes (507) while it still answers reads and /api/health (degraded), instead of letting the
 * embedded database run out of room. PGlite must not get there: after a failed WAL write
 * (`could not write to file "pg_wal/xlogtemp…": No space left on device`) its next query spins
 * inside WebAssembly and blocks the whole process (no request, timer or signal is handled again).
 * No "server-only" marker: server.ts imports it too; the state lives on globalThis because
 * server.ts and Next's compiled routes are separate module graphs.
 */
import { statfs } from "node:fs/promises";
import path from "node:path";

type DiskWatch = {
  dir: string;
  minFreeBytes: number;
  /** Free bytes at the last check (null before the first one). */
  freeBytes: number | null;
  lowSince: number | null;
  timer: ReturnType<typeof setInterval> | null;
};
const globalForDisk = globalThis as unknown as { propulseDiskWatch?: DiskWatch };

const MIB = 1024 * 1024;
const mib = (bytes: number) => `${Math.round(bytes / MIB)} MB`;

/** Free bytes available to this process on the filesystem holding `dir` (or its nearest existing parent). */
export async function freeBytesUnder(dir: string): Promise<number> {
  for (let current = path.resolve(dir); ; current = path.dirname(current)) {
    try {
      const stats = await statfs(current);
      return stats.bavail * stats.bsize;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ENOENT" || current === path.dirname(current)) throw error;
    }
  }
}

/** Takes a measurement and opens or closes the low-space state, with a log line at each change. */
async function check(watch: DiskWatch, extraBytes = 0): Promise<number> {
  const free = await freeBytesUnder(watch.dir);
  watch.freeBytes = free;
  const isLow = free - extraBytes < watch.minFreeBytes;
  // A large upload that would not fit says so, without closing writes for everyone.
  if (extraBytes > 0) return free;
  if (isLow && watch.lowSince === null) {
    watch.lowSince = Date.now();
    console.warn(
      `[disk] free space under ${watch.dir} is ${mib(free)}, below DISK_MIN_FREE_MB (${mib(watch.minFreeBytes)}): refusing writes (507) until space is freed`,
    );
  } else if (!isLow && watch.lowSince !== null) {
    console.info(
      `[disk] free space under ${watch.dir} back to ${mib(free)} after ${Date.now() - watch.lowSince} ms: accepting writes`,
    );
    watch.lowSince = null;
  }
  return free;
}

/**
 * Checks free space under `dir` now and every `intervalMs`. `minFreeBytes` 0 turns the guard
 * off. Returns a function that stops the checks.
 */
export async function startDiskWatch(options: {
  dir: string;
  minFreeBytes: number;
  intervalMs?: number;
}): Promise<() => void> {
  stopDiskWatch();
  if (options.minFreeBytes <= 0) return () => {};
  const watch: DiskWatch = {
    dir: path.resolve(options.dir),
    minFreeBytes: options.minFreeBytes,
    freeBytes: null,
    lowSince: null,
    timer: null,
  };
  globalForDisk.propulseDiskWatch = watch;
  await check(watch).catch((error) => console.error("[disk] could not measure free space:", error));
  watch.timer = setInterval(
    () => void check(watch).catch((error) => console.error("[disk] could not measure free space:", error)),
    options.intervalMs ?? 1_000,
  );
  watch.timer.unref();
  return stopDiskWatch;
}

export function stopDiskWatch(): void {
  const watch = globalForDisk.propulseDiskWatch;
  if (watch?.timer) clearInterval(watch.timer);
  globalForDisk.propulseDiskWatch = undefined;
}

/** True while free space under DATA_DIR is below the threshold: writes are refused. */
export function isDiskLow(): boolean {
  return globalForDisk.propulseDiskWatch?.lowSince != null;
}

/** For /api/health: null when the guard is off, else whether space is low and how much is free. */
export function getDiskHealth(): { status: "ok" | "low"; freeMB: number; minFreeMB: number } | null {
  const watch = globalForDisk.propulseDiskWatch;
  if (!watch || watch.freeBytes === null) return null;
  return {
    status: watch.lowSince === null ? "ok" : "low",
    freeMB: Math.floor(watch.freeBytes / MIB),
    minFreeMB: Math.round(watch.minFreeBytes / MIB),
  };
}

/**
 * Before writing `bytes` under DATA_DIR (an upload): true when they fit and leave the threshold
 * free, measured now rather than at the last periodic check.
 */
export async function hasRoomFor(bytes: number): Promise<boolean> {
  const watch = globalForDisk.propulseDiskWatch;
  if (!watch) return true;
  if (watch.lowSince !== null) return false;
  const free = await check(watch, bytes);
  return free - bytes >= watch.minFreeBytes;
}

/** True when the error says the disk is full: PostgreSQL's SQLSTATE 53100, or ENOSPC from the file system. */
export function isDiskFullError(error: unknown): boolean {
  for (let current = error, depth = 0; current && depth < 5; depth++) {
    const { code, cause } = current as { code?: unknown; cause?: unknown };
    if (code === "53100" || code === "ENOSPC") return true;
    current = cause;
  }
  return false;
}

/**
 * Records a failure seen anywhere: a full disk measures free space at once (the periodic check
 * may not have run yet). Returns whether the error was a full disk.
 */
export function noteDiskFullError(error: unknown): boolean {
  if (!isDiskFullError(error)) return false;
  const watch = globalForDisk.propulseDiskWatch;
  console.warn(`[disk] a write failed for lack of space: ${(error as Error).message ?? error}`);
  if (watch) void check(watch).catch(() => {});
  return true;
}
