import { randomUUID } from "node:crypto";
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { hasRoomFor } from "../disk-space";
import { assertStorageKey, type FileStorage } from "./types";

/**
 * Files on the local disk under `<DATA_DIR>/uploads`, outside the web root: they are only ever
 * served by the download route, after a permission check. Writes go to a temporary name and
 * are renamed, so a crash never leaves a half-written file under a real key.
 */
export function createLocalStorage(root: string): FileStorage {
  const fileOf = (key: string) => {
    assertStorageKey(key);
    return path.join(root, key);
  };
  return {
    kind: "local",
    async put(key, bytes) {
      const target = fileOf(key);
      // Checked now, not at the last periodic check: a large file must leave DISK_MIN_FREE_MB free.
      if (!(await hasRoomFor(bytes.byteLength))) {
        throw Object.assign(new Error(`not enough free space under ${root} for ${bytes.byteLength} bytes`), {
          code: "ENOSPC",
        });
      }
      await mkdir(path.dirname(target), { recursive: true });
      const temp = `${target}.${randomUUID()}.tmp`;
      await writeFile(temp, bytes, { mode: 0o600 });
      await rename(temp, target);
    },
    async get(key) {
      try {
        return new Uint8Array(await readFile(fileOf(key)));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
        throw error;
      }
    },
    async delete(key) {
      await rm(fileOf(key), { force: true });
    },
  };
}
