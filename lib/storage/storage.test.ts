import { randomUUID } from "node:crypto";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getEnv } from "@/lib/env";
import { createStorageFromEnv } from "./index";
import { createLocalStorage } from "./local";

let root: string;
beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), "propulse-storage-"));
});
afterAll(() => rm(root, { recursive: true, force: true }));

describe("local storage", () => {
  it("stores, reads back and deletes a file", async () => {
    const storage = createLocalStorage(root);
    const key = `reviews/${randomUUID()}`;
    await storage.put(key, new Uint8Array([1, 2, 3]), "application/pdf");
    expect(Array.from((await storage.get(key))!)).toEqual([1, 2, 3]);
    await storage.delete(key);
    expect(await storage.get(key)).toBeNull();
    // No temporary file is left behind.
    expect(await readdir(path.join(root, "reviews"))).toEqual([]);
  });

  it("treats missing files as absent and deleting them as a no-op", async () => {
    const storage = createLocalStorage(root);
    const key = randomUUID();
    expect(await storage.get(key)).toBeNull();
    await expect(storage.delete(key)).resolves.toBeUndefined();
  });

  it("refuses keys that could leave its folder", async () => {
    const storage = createLocalStorage(root);
    for (const key of ["../etc/passwd", "reviews/../../x", "/abs", "", "reviews/not-a-uuid"]) {
      await expect(storage.put(key, new Uint8Array([1]), "application/pdf")).rejects.toThrow(/Invalid storage key/);
      await expect(storage.get(key)).rejects.toThrow(/Invalid storage key/);
    }
  });
});

describe("storage selection", () => {
  it("uses the local disk by default and S3 when S3_BUCKET is set", () => {
    const env = getEnv();
    expect(createStorageFromEnv({ ...env, S3_BUCKET: undefined }).kind).toBe("local");
    expect(createStorageFromEnv({ ...env, S3_BUCKET: "cvs", S3_ENDPOINT: "http://127.0.0.1:9000" }).kind).toBe("s3");
  });
});
