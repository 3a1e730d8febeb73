import type PgBoss from "pg-boss";
import type { Db } from "@/db";

/**
 * Every job the app runs, with its payload. A payload holds ids, never content: the handler
 * reads the current rows (and permissions) when it runs, which may be hours later.
 */
export type JobPayloads = {
  /** Deliver one notification by e-mail (and, later, push): lib/notifications/deliver.ts. */
  "notification.deliver": { notificationId: number };
  /** Hourly: find the members whose digest is due and enqueue one `digest.send` each. */
  "digest.plan": Record<string, never>;
  /** Compose and send one member's digest for one period (`2026-W49`, `2026-12-07`). */
  "digest.send": { userId: string; period: string };
  /** Every five minutes: remind participants of activities starting tomorrow or within the hour. */
  "activity.remind": Record<string, never>;
  /** Weekly: one friendly e-mail to members who went quiet (lib/rhythm/nudges.ts). */
  "rhythm.nudge": Record<string, never>;
  /** Daily: invite members to the six-month survey, remind once (lib/outcomes/survey.ts). */
  "survey.plan": Record<string, never>;
  /** Remove files from storage after their rows are gone (erasure, retention): retried until done. */
  "storage.delete": { keys: string[] };
  /** Build one member's data export ZIP (lib/data-ownership/export.ts). */
  "data.export": { exportId: string };
  /** Daily: CV/letter retention, inactive accounts, old rate-limit rows, expired exports. */
  "data.retention": Record<string, never>;
  /** Every 30 minutes: read the followed communities' offers again (lib/network). */
  "network.refresh": Record<string, never>;
};

export type JobName = keyof JobPayloads;

/** What a caller may ask of one job (pg-boss's options, the ones this app uses). */
export type EnqueueOptions = Pick<
  PgBoss.SendOptions,
  | "startAfter"
  | "singletonKey"
  | "singletonSeconds"
  | "singletonHours"
  | "retryLimit"
  | "retryDelay"
  | "retryBackoff"
  | "expireInSeconds"
>;

/** Enqueues through the queue that runs the current job (so a test's second instance uses its own). */
export type SendJob = <N extends JobName>(
  name: N,
  data: JobPayloads[N],
  options?: EnqueueOptions,
) => Promise<string | null>;

export type JobContext = {
  /** The database of the queue's instance. */
  db: Db;
  send: SendJob;
  job: { id: string; retryCount: number; retryLimit: number };
};

/** A queue, its worker and, for scheduled work, its cron line (UTC unless `tz`). */
export type JobDefinition<N extends JobName = JobName> = {
  name: N;
  /** Queue policy and retries (pg-boss `createQueue`): `stately` keeps one queued and one running job per singleton key. */
  queue: Pick<PgBoss.Queue, "policy" | "retryLimit" | "retryDelay" | "retryBackoff" | "expireInSeconds">;
  /** Jobs fetched per poll (each is handled and completed or failed on its own). */
  batchSize?: number;
  schedule?: { cron: string; tz?: string };
  /** Throws to fail the job: pg-boss retries it per `queue` (backoff), then keeps it as failed. */
  handle: (data: JobPayloads[N], context: JobContext) => Promise<void>;
};

/** Lets a list hold definitions of different jobs while each keeps its own payload type. */
export function defineJob<N extends JobName>(definition: JobDefinition<N>): JobDefinition<N> {
  return definition;
}
