import { PGlite } from "@electric-sql/pglite";
import { afterAll, afterEach, beforeAll, describe, expect, it, onTestFinished, vi } from "vitest";
import { createTestDb, type TestDb } from "@/db/testing";
import { pgliteBossDb } from "./pglite-db";
import { enqueueJob } from "./enqueue";
import { createJobQueue, type AnyJobDefinition, type JobQueue } from "./queue";
import { defineJob } from "./types";

// The queue on both databases: this file runs on PGlite, and on PostgreSQL with TEST_DATABASE_URL.
let testDb: TestDb;
const started: JobQueue[] = [];

beforeAll(async () => {
  testDb = await createTestDb();
});

afterEach(async () => {
  await Promise.all(started.splice(0).map((queue) => queue.stop()));
});

afterAll(async () => {
  await testDb.close();
});

/** One app instance's queue on the test database (a second call is a second instance). */
async function startQueue(definitions: AnyJobDefinition[], cron = false): Promise<JobQueue> {
  const queue = await createJobQueue({
    db: testDb.db,
    pglite: testDb.pglite,
    connectionString: testDb.url,
    definitions,
    pollingIntervalSeconds: 0.5,
    boss: cron ? { cronMonitorIntervalSeconds: 1, cronWorkerIntervalSeconds: 1 } : undefined,
  });
  started.push(queue);
  return queue;
}

const quickRetries = { policy: "stately", retryLimit: 2, retryDelay: 1, retryBackoff: false } as const;

describe(`job queue (${process.env.TEST_DATABASE_URL ? "PostgreSQL" : "PGlite"})`, () => {
  it("runs each job once, retries a failing one, and passes the attempt number", async () => {
    const runs: { id: number; retryCount: number }[] = [];
    const queue = await startQueue([
      defineJob({
        name: "notification.deliver",
        queue: quickRetries,
        batchSize: 5,
        handle: async ({ notificationId }, { job }) => {
          runs.push({ id: notificationId, retryCount: job.retryCount });
          if (notificationId === 2 && job.retryCount === 0) throw new Error("SMTP down");
        },
      }),
    ]);
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    await queue.send("notification.deliver", { notificationId: 1 }, { singletonKey: "n:1" });
    await queue.send("notification.deliver", { notificationId: 2 }, { singletonKey: "n:2" });
    await vi.waitFor(() => expect(runs.filter((run) => run.id === 2)).toHaveLength(2), { timeout: 15_000 });
    expect(runs.filter((run) => run.id === 1)).toEqual([{ id: 1, retryCount: 0 }]);
    expect(runs.filter((run) => run.id === 2)).toEqual([
      { id: 2, retryCount: 0 },
      { id: 2, retryCount: 1 },
    ]);
    expect(logged).toHaveBeenCalledWith(
      expect.stringMatching(/notification\.deliver .* failed \(attempt 1, will retry\): SMTP down/),
    );
    logged.mockRestore();
  });

  it("keeps one waiting job per singleton key, however many times it is sent", async () => {
    const queue = await startQueue([defineJob({ name: "digest.send", queue: quickRetries, handle: async () => {} })]);
    const data = { userId: "00000000-0000-4000-8000-000000000001", period: "2026-W49" };
    const options = { singletonKey: "digest:u1:2026-W49", startAfter: 60 };
    const first = await queue.send("digest.send", data, options);
    const second = await queue.send("digest.send", data, options);
    expect(first).toEqual(expect.any(String));
    expect(second).toBeNull();
    expect(await queue.boss.getQueueSize("digest.send")).toBe(1);
  });

  it("fires a cron line once per minute with two instances polling the schedule", async () => {
    // Both instances must see the same minute: start early in one.
    const second = new Date().getSeconds();
    if (second > 45) await new Promise((resolve) => setTimeout(resolve, (61 - second) * 1000));
    const runs: string[] = [];
    const plan = (instance: string) =>
      defineJob({
        name: "digest.plan",
        queue: { policy: "stately", retryLimit: 0 },
        schedule: { cron: "* * * * *" },
        handle: async () => {
          runs.push(instance);
        },
      });
    await Promise.all([startQueue([plan("a")], true), startQueue([plan("b")], true)]);
    await vi.waitFor(() => expect(runs.length).toBeGreaterThan(0), { timeout: 10_000 });
    // Each instance checks the schedule every second: give them time to fire it again.
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    expect(runs).toHaveLength(1);
  });

  it("says so once, and enqueues nothing, when no queue runs in the process", async () => {
    const warned = vi.spyOn(console, "warn").mockImplementation(() => {});
    expect(await enqueueJob("digest.plan", {})).toBeNull();
    expect(await enqueueJob("digest.plan", {})).toBeNull();
    expect(warned).toHaveBeenCalledTimes(1);
    warned.mockRestore();
  });

  // On its own in-memory PGlite, so it runs in the PostgreSQL pass too.
  it("on PGlite, a failing multi-statement string is rolled back and the database stays usable", async () => {
    const pglite = new PGlite();
    onTestFinished(() => pglite.close());
    const db = pgliteBossDb(pglite);
    await expect(db.executeSql("BEGIN; CREATE TABLE jobs_probe (x int); SELECT 1/0; COMMIT;", [])).rejects.toThrow(
      "division by zero",
    );
    const { rows } = await db.executeSql("SELECT to_regclass('jobs_probe') AS probe, 1 AS one", []);
    expect(rows).toEqual([{ probe: null, one: 1 }]);
  });
});
