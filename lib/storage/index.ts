import path from "node:path";
import { getEnv, type Env } from "@/lib/env";
import { createLocalStorage } from "./local";
import { createS3Storage } from "./s3";
import type { FileStorage } from "./types";

export type { FileStorage } from "./types";

/** Local disk under DATA_DIR by default; an S3-compatible bucket when S3_BUCKET is set. */
export function createStorageFromEnv(env: Env): FileStorage {
  if (env.S3_BUCKET) {
    return createS3Storage({
      bucket: env.S3_BUCKET,
      endpoint: env.S3_ENDPOINT,
      region: env.S3_REGION,
      accessKeyId: env.S3_ACCESS_KEY_ID,
      secretAccessKey: env.S3_SECRET_ACCESS_KEY,
      forcePathStyle: env.S3_FORCE_PATH_STYLE === "true",
    });
  }
  return createLocalStorage(path.resolve(env.DATA_DIR, "uploads"));
}

const globalForStorage = globalThis as unknown as { propulseStorage?: FileStorage };

/** The storage of this process (shared by server.ts and Next's bundles, like the database). */
export function getStorage(): FileStorage {
  globalForStorage.propulseStorage ??= createStorageFromEnv(getEnv());
  return globalForStorage.propulseStorage;
}

/**
 * Deletes the bytes of files whose rows are already gone (committed). A storage failure is
 * logged, not thrown: the deletion did happen for everyone (no row, no access), and a stray
 * object is better than telling the member it failed.
 */
export async function deleteStoredBytes(storageKeys: string[]): Promise<void> {
  await Promise.all(
    storageKeys.map((key) =>
      getStorage()
        .delete(key)
        .catch((error: unknown) => console.error(`[storage] could not delete ${key}:`, error)),
    ),
  );
}
