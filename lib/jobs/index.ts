import type { DbHandle } from "@/db";
import type { Env } from "@/lib/env";
import { getJobQueue, setJobQueue } from "./enqueue";
import { createJobQueue } from "./queue";
import { JOB_DEFINITIONS } from "./workers";

export { enqueueJob } from "./enqueue";

/**
 * Starts this instance's job queue and workers (server.ts, after the migrations): on PostgreSQL
 * with a pool of its own, on the embedded default through the app's PGlite instance.
 */
export async function startJobs(handle: DbHandle, env: Env): Promise<void> {
  if (getJobQueue()) return;
  const queue = await createJobQueue({
    db: handle.db,
    pglite: handle.driver === "pglite" ? handle.pglite : undefined,
    connectionString: handle.driver === "postgres" ? env.DATABASE_URL : undefined,
    definitions: JOB_DEFINITIONS,
  });
  setJobQueue(queue);
  console.info(`[jobs] queue started on ${queue.driver} (${JOB_DEFINITIONS.map((job) => job.name).join(", ")})`);
}

/** Stops fetching, lets running jobs finish (5 s at most); call before closing the database. */
export async function stopJobs(): Promise<void> {
  const queue = getJobQueue();
  if (!queue) return;
  setJobQueue(undefined);
  await queue.stop();
}
