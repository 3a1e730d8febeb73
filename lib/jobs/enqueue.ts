import type PgBoss from "pg-boss";
import type { EnqueueOptions, JobName, JobPayloads, SendJob } from "./types";

/**
 * A running queue (queue.ts starts it). This module holds no pg-boss code, only types, so the
 * services that enqueue do not pull pg-boss into Next's bundles: the queue runs in server.ts.
 */
export type JobQueue = {
  boss: PgBoss;
  send: SendJob;
  driver: "postgres" | "pglite";
  stop: () => Promise<void>;
};

// server.ts starts the queue; Next's routes and actions (another module graph in the same
// process) reach it through globalThis, like the Socket.io server.
const globalForJobs = globalThis as unknown as { propulseJobs?: JobQueue; propulseJobsWarned?: Set<string> };

export function setJobQueue(queue: JobQueue | undefined): void {
  globalForJobs.propulseJobs = queue;
}

/** The running queue, or undefined (`next build`, scripts, tests that do not start one). */
export function getJobQueue(): JobQueue | undefined {
  return globalForJobs.propulseJobs;
}

function warnNotStarted(name: JobName): void {
  globalForJobs.propulseJobsWarned ??= new Set();
  if (globalForJobs.propulseJobsWarned.has(name)) return;
  globalForJobs.propulseJobsWarned.add(name);
  console.warn(`[jobs] the job queue is not started in this process: "${name}" jobs are not enqueued`);
}

/**
 * Enqueues a job on the process's queue. Returns its id, or null when a job with the same
 * singleton key is already waiting, or when no queue runs here (then logged once per job
 * name: `next build`, command-line tools, tests). Throws when the database refuses the insert:
 * callers after a committed action catch and log it.
 */
export async function enqueueJob<N extends JobName>(
  name: N,
  data: JobPayloads[N],
  options?: EnqueueOptions,
): Promise<string | null> {
  const queue = getJobQueue();
  if (!queue) {
    warnNotStarted(name);
    return null;
  }
  return queue.send(name, data, options);
}

/**
 * Enqueues many jobs of one kind in one INSERT (pg-boss `insert`), e.g. the deliveries of a
 * post's notifications. Jobs whose singleton key is already waiting are skipped. Same policy
 * as `enqueueJob` when no queue runs here; throws when the database refuses the insert.
 */
export async function enqueueJobs<N extends JobName>(
  name: N,
  jobs: { data: JobPayloads[N]; singletonKey?: string; startAfter?: Date }[],
): Promise<void> {
  if (jobs.length === 0) return;
  const queue = getJobQueue();
  if (!queue) {
    warnNotStarted(name);
    return;
  }
  await queue.boss.insert(jobs.map((job) => ({ name, ...job, startAfter: job.startAfter?.toISOString() })));
}
