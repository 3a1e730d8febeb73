import { closeSync, openSync, readFileSync, statSync, unlinkSync, writeSync } from "node:fs";
import path from "node:path";

/** Who holds a lock: a process id and, on Linux, when that process started (guards PID reuse). */
export type LockHolder = { pid: number; startedAt: string | null };

/** The kernel's start time of a process (clock ticks since boot), or null where /proc is missing. */
export function processStartTime(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // Field 22; the command name (field 2) may hold spaces, so count from its closing parenthesis.
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19] ?? null;
  } catch {
    return null;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Whether the recorded holder still runs: its PID is alive and is the same process (same start
 * time), not an unrelated one that got the PID after a crash. A lock written by an older
 * version (a bare PID) counts as held only if that PID is a Node process.
 */
export function isHolderAlive(holder: LockHolder): boolean {
  if (!Number.isSafeInteger(holder.pid) || holder.pid <= 0 || !isAlive(holder.pid)) return false;
  const startedAt = processStartTime(holder.pid);
  if (holder.startedAt && startedAt) return holder.startedAt === startedAt;
  try {
    return /\bnode\b/.test(readFileSync(`/proc/${holder.pid}/cmdline`, "utf8").replaceAll("\0", " "));
  } catch {
    return true;
  }
}

function readHolder(file: string): { raw: string; holder: LockHolder } | null {
  try {
    const raw = readFileSync(file, "utf8");
    try {
      const parsed = JSON.parse(raw) as Partial<LockHolder>;
      return { raw, holder: { pid: Number(parsed.pid), startedAt: parsed.startedAt ?? null } };
    } catch {
      return { raw, holder: { pid: Number(raw), startedAt: null } };
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
}

/** Creates `file` only if it does not exist (atomic): true when this call created it. */
function createExclusive(file: string, content: string): boolean {
  let fd: number;
  try {
    fd = openSync(file, "wx");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw error;
  }
  writeSync(fd, content);
  closeSync(fd);
  return true;
}

function removeIfUnchanged(file: string, raw: string) {
  if (readHolder(file)?.raw === raw) unlinkSync(file);
}

function isRecent(file: string): boolean {
  try {
    return Date.now() - statSync(file).mtimeMs < 2_000;
  } catch {
    return false;
  }
}

const pause = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/**
 * Takes the folder's lock for this process, or throws when a live process holds it. The lock is
 * only ever created exclusively (O_EXCL), never overwritten. A stale lock (its holder died, or
 * its PID now names an unrelated process) is removed under a second, exclusive takeover file,
 * and only if it is still the stale one read before: two processes starting together on a
 * stale lock cannot both get it. Returns the release function.
 */
export function acquireDataDirLock(dataDir: string, self: LockHolder = currentProcess()): () => void {
  const lockFile = path.join(dataDir, "pglite.lock");
  const takeoverFile = `${lockFile}.takeover`;
  const content = JSON.stringify(self);
  for (let attempt = 0; attempt < 200; attempt++) {
    if (createExclusive(lockFile, content)) return () => removeIfUnchanged(lockFile, content);
    const current = readHolder(lockFile);
    if (!current) continue;
    // Created but not yet written by its owner (between its open and its write): wait, do not
    // judge it stale. Only an empty file left for seconds is one (its owner died in between).
    if (current.raw === "" && isRecent(lockFile)) {
      pause(5);
      continue;
    }
    // This very process (a handle closed without releasing, or reopened): take it back.
    const isSelf = current.holder.pid === self.pid;
    if (!isSelf && isHolderAlive(current.holder)) {
      throw new Error(
        `The embedded database in ${dataDir} is already used by process ${current.holder.pid}. ` +
          "Stop it first: two processes on one PGlite folder corrupt it.",
      );
    }
    if (createExclusive(takeoverFile, content)) {
      try {
        // Still the stale lock we judged (not one a faster process took meanwhile): remove it.
        removeIfUnchanged(lockFile, current.raw);
      } finally {
        unlinkSync(takeoverFile);
      }
      continue;
    }
    // Another process is taking over; its takeover file is stale only if it died doing so.
    const takeover = readHolder(takeoverFile);
    const isBeingWritten = takeover?.raw === "" && isRecent(takeoverFile);
    if (takeover && !isBeingWritten && !isHolderAlive(takeover.holder)) removeIfUnchanged(takeoverFile, takeover.raw);
    pause(10);
  }
  throw new Error(`Could not take the lock of ${dataDir}: it keeps changing hands.`);
}

function currentProcess(): LockHolder {
  return { pid: process.pid, startedAt: processStartTime(process.pid) };
}
