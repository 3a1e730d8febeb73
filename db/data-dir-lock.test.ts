import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { acquireDataDirLock, processStartTime } from "./data-dir-lock";

// The embedded database's folder lock, raced by real processes.
const folders: string[] = [];
afterAll(() => folders.forEach((folder) => rmSync(folder, { recursive: true, force: true })));

function folder() {
  const dir = mkdtempSync(path.join(tmpdir(), "propulse-lock-"));
  folders.push(dir);
  return dir;
}

/** The PID of a process that has exited (a crashed holder). */
function deadPid(): number {
  return spawnSync("true").pid!;
}

const ROUNDS = 20;

/**
 * A process that, for each round, spins until the round's `go` file appears, then tries to
 * take the lock of the round's folder and reports. Two of them spin on two cores: they try at
 * the same instant.
 */
function contender(dirs: string[]) {
  const script = `
    import { existsSync } from "node:fs";
    import { acquireDataDirLock } from ${JSON.stringify(path.resolve("db/data-dir-lock.ts"))};
    const dirs = ${JSON.stringify(dirs)};
    console.log("ready");
    // Never left spinning if the test is gone.
    const deadline = Date.now() + 60000;
    for (const dir of dirs) {
      while (!existsSync(dir + "/go")) if (Date.now() > deadline) process.exit(1);
      let outcome = "acquired";
      try { acquireDataDirLock(dir); } catch { outcome = "refused"; }
      console.log(outcome);
    }`;
  const child = spawn("node", ["--import", "tsx", "--input-type=module", "-e", script], { stdio: "pipe" });
  const lines: string[] = [];
  const waiters: (() => void)[] = [];
  child.stdout.on("data", (chunk) => {
    lines.push(...String(chunk).split("\n").filter(Boolean));
    waiters.splice(0).forEach((wake) => wake());
  });
  /** Resolves when the process has printed `count` lines. */
  const printed = async (count: number) => {
    while (lines.length < count) await new Promise<void>((resolve) => waiters.push(resolve));
  };
  return { lines, printed, kill: () => child.kill() };
}

describe("acquireDataDirLock", () => {
  it("lets exactly one of two processes released at once take over a stale lock", async () => {
    const dirs = Array.from({ length: ROUNDS }, () => folder());
    for (const dir of dirs) writeFileSync(path.join(dir, "pglite.lock"), String(deadPid()));
    const contenders = [contender(dirs), contender(dirs)];
    try {
      await Promise.all(contenders.map((one) => one.printed(1)));
      for (const [round, dir] of dirs.entries()) {
        writeFileSync(path.join(dir, "go"), "");
        await Promise.all(contenders.map((one) => one.printed(round + 2)));
      }
      const outcomes = dirs.map((_, round) => contenders.map((one) => one.lines[round + 1]));
      const doubles = outcomes.filter((round) => round.every((outcome) => outcome === "acquired"));
      expect(doubles).toHaveLength(0);
      for (const round of outcomes) expect(round.sort()).toEqual(["acquired", "refused"]);
    } finally {
      contenders.forEach((one) => one.kill());
    }
  }, 60_000);

  it("takes over a lock whose PID now names an unrelated process", () => {
    const dir = folder();
    const unrelated = spawn("sleep", ["30"]);
    try {
      // A bare PID (older lock format) naming a process that is not Node.
      writeFileSync(path.join(dir, "pglite.lock"), String(unrelated.pid));
      acquireDataDirLock(dir)();
      // The same PID with another start time: the holder died and the PID was reused.
      writeFileSync(path.join(dir, "pglite.lock"), JSON.stringify({ pid: unrelated.pid, startedAt: "1" }));
      const release = acquireDataDirLock(dir);
      expect(JSON.parse(readFileSync(path.join(dir, "pglite.lock"), "utf8")).pid).toBe(process.pid);
      release();
    } finally {
      unrelated.kill();
    }
  });

  it("refuses a folder held by a live process of this app, saying which", () => {
    const dir = folder();
    const holder = spawn("node", ["-e", "setTimeout(() => {}, 30000)"]);
    try {
      const lock = { pid: holder.pid!, startedAt: processStartTime(holder.pid!) };
      writeFileSync(path.join(dir, "pglite.lock"), JSON.stringify(lock));
      expect(() => acquireDataDirLock(dir)).toThrow(`already used by process ${holder.pid}`);
    } finally {
      holder.kill();
    }
  });
});
