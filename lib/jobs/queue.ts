import type { PGlite } from "@electric-sql/pglite";
import PgBoss from "pg-boss";
import type { Db } from "@/db";
import type { JobQueue } from "./enqueue";
import { pgliteBossDb } from "./pglite-db";
import type { JobContext, JobDefinition, JobName, JobPayloads, SendJob } from "./types";

export type { JobQueue };

/** Any one job's definition (a union, so each keeps its payload type). */
export type AnyJobDefinition = { [N in JobName]: JobDefinition<N> }[JobName];

export type JobQueueOptions = {
  /** The app's database: handlers receive it. */
  db: Db;
  /** PostgreSQL: pg-boss opens its own small pool on this URL (schema `pgboss`). */
  connectionString?: string;
  /** Embedded: pg-boss runs its SQL through the app's PGlite instance (see pglite-db.ts). */
  pglite?: PGlite;
  definitions: readonly AnyJobDefinition[];
  /** Seconds between polls of each queue (pg-boss allows 0.5 at least). */
  pollingIntervalSeconds?: number;
  /** Other pg-boss settings (tests shorten the cron intervals). */
  boss?: Omit<PgBoss.ConstructorOptions, "db" | "connectionString">;
};

/**
 * Starts pg-boss on the app's database (creating or migrating its schema), creates each queue,
 * starts its worker and registers its cron line. Every instance of the app runs one: jobs are
 * fetched with `FOR UPDATE SKIP LOCKED`, so each runs on one instance only, and a cron line
 * fires once per minute across instances (pg-boss keeps its clock in the database).
 */
export async function createJobQueue(options: JobQueueOptions): Promise<JobQueue> {
  const connection: PgBoss.ConstructorOptions = options.pglite
    ? { db: pgliteBossDb(options.pglite) }
    : { connectionString: options.connectionString, max: 3, application_name: "propulse-jobs" };
  if (!options.pglite && !options.connectionString) throw new Error("The job queue needs PGlite or a PostgreSQL URL");
  const boss = new PgBoss({ ...connection, ...options.boss });
  // pg-boss reports polling and maintenance errors as events: without a listener they would crash the process.
  boss.on("error", (error) => console.error("[jobs]", error.message));
  await boss.start();

  const send: SendJob = (name, data, sendOptions) => boss.send(name, data, { ...sendOptions });
  try {
    for (const definition of options.definitions) {
      await registerJob(boss, definition as JobDefinition, {
        db: options.db,
        send,
        pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2,
      });
    }
  } catch (error) {
    await boss.stop({ graceful: false, wait: true }).catch(() => {});
    throw error;
  }
  return {
    boss,
    send,
    driver: options.pglite ? "pglite" : "postgres",
    // Waits for running jobs (at most 5 s; unfinished ones are failed and retried later).
    stop: () => boss.stop({ graceful: true, wait: true, timeout: 5_000 }),
  };
}

async function registerJob(
  boss: PgBoss,
  definition: JobDefinition,
  shared: { db: Db; send: SendJob; pollingIntervalSeconds: number },
) {
  const { name } = definition;
  await createQueueOnce(boss, name, definition.queue);
  // createQueue leaves an existing queue as it is: bring its policy and retries up to date.
  await boss.updateQueue(name, { name, ...definition.queue });
  await boss.work<JobPayloads[JobName]>(
    name,
    {
      batchSize: definition.batchSize ?? 1,
      pollingIntervalSeconds: shared.pollingIntervalSeconds,
      includeMetadata: true,
    },
    async (jobs) => {
      for (const job of jobs) await runJob(boss, definition, job, shared);
    },
  );
  if (definition.schedule) {
    await boss.schedule(name, definition.schedule.cron, {}, { tz: definition.schedule.tz ?? "UTC" });
  }
}

/**
 * Creates a queue unless it exists. Two instances starting together on a fresh PostgreSQL
 * database both create each queue's partition, and PostgreSQL may abort one of them as a
 * deadlock (seen in the two-instance test): the loser tries again and finds the queue there.
 */
async function createQueueOnce(boss: PgBoss, name: string, queue: JobDefinition["queue"]) {
  for (let attempt = 1; ; attempt++) {
    try {
      await boss.createQueue(name, { name, ...queue });
      return;
    } catch (error) {
      const isDeadlock = (error as { code?: string }).code === "40P01";
      if (!isDeadlock || attempt >= 5) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50 + Math.random() * 200));
    }
  }
}

/**
 * Runs one job of a batch and completes or fails it on its own, so a failure retries that job
 * only (pg-boss would otherwise fail, and retry, the whole batch). Never throws.
 */
async function runJob(
  boss: PgBoss,
  definition: JobDefinition,
  job: PgBoss.JobWithMetadata<JobPayloads[JobName]>,
  shared: { db: Db; send: SendJob },
) {
  const context: JobContext = {
    db: shared.db,
    send: shared.send,
    job: { id: job.id, retryCount: job.retryCount, retryLimit: job.retryLimit },
  };
  try {
    await definition.handle(job.data as never, context);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const isLast = job.retryCount >= job.retryLimit;
    console.error(
      `[jobs] ${definition.name} ${job.id} failed (attempt ${job.retryCount + 1}${isLast ? ", giving up" : ", will retry"}): ${message}`,
    );
    await boss.fail(definition.name, job.id, { message }).catch((failError: Error) => {
      console.error(`[jobs] could not record the failure of ${job.id}:`, failError.message);
    });
    return;
  }
  await boss.complete(definition.name, job.id).catch((completeError: Error) => {
    // The job stays active, expires and runs again: handlers are idempotent.
    console.error(`[jobs] could not complete ${job.id}:`, completeError.message);
  });
}
