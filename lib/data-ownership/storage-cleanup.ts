import "server-only";
import { enqueueJob, getJobQueue } from "@/lib/jobs/enqueue";
import { defineJob } from "@/lib/jobs/types";
import { getStorage } from "@/lib/storage";

const KEYS_PER_JOB = 200;

/**
 * Deletes stored bytes; deleting a missing file is not an error, so a rerun is harmless. Throws
 * when any key could not be deleted (after trying them all), so the queue retries the job.
 */
export async function deleteStorageKeys(keys: string[]): Promise<void> {
  const results = await Promise.allSettled(keys.map((key) => getStorage().delete(key)));
  const failed = results.filter((result) => result.status === "rejected").length;
  if (failed > 0) throw new Error(`${failed} of ${keys.length} file(s) could not be deleted from storage`);
}

/** Job `storage.delete`: retried with a growing delay (up to about a day) until the storage answers. */
export const storageDeleteJob = defineJob({
  name: "storage.delete",
  queue: { policy: "standard", retryLimit: 20, retryDelay: 30, retryBackoff: true },
  handle: async ({ keys }) => deleteStorageKeys(keys),
});

/**
 * After a commit that removed file rows: hands their keys to the queue. Where no queue runs
 * (command-line tools, tests), deletes them at once and logs a failure.
 */
export async function scheduleStorageDeletion(keys: string[]): Promise<void> {
  for (let start = 0; start < keys.length; start += KEYS_PER_JOB) {
    const chunk = keys.slice(start, start + KEYS_PER_JOB);
    try {
      if (getJobQueue()) {
        await enqueueJob("storage.delete", { keys: chunk });
        continue;
      }
    } catch (error) {
      console.error("[storage] could not enqueue a deletion, deleting now:", error);
    }
    await deleteStorageKeys(chunk).catch((error: unknown) => console.error("[storage]", error));
  }
}
