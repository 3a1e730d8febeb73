import "server-only";
import { randomUUID } from "node:crypto";
import { strToU8, zipSync, type Zippable } from "fflate";
import { collectMemberData } from "@/db/queries/data-export";
import {
  createOrGetPendingExport,
  getExport,
  getOwnExport,
  listOwnExports,
  markExportFailed,
  markExportReady,
} from "@/db/queries/data-exports";
import { getUserById } from "@/db/queries/users";
import type { Db, DbOrTx } from "@/db";
import { confirmIdentity } from "@/lib/auth/two-factor";
import type { ServiceContext } from "@/lib/context";
import { AppError } from "@/lib/errors";
import { enqueueJob, getJobQueue } from "@/lib/jobs/enqueue";
import { defineJob } from "@/lib/jobs/types";
import { canExportOwnData } from "@/lib/permissions";
import { getStorage } from "@/lib/storage";
import { scheduleStorageDeletion } from "./storage-cleanup";

/** How long an archive stays downloadable. */
export const EXPORT_KEEP_DAYS = 7;
const DAY = 86_400_000;

/** A file's name inside the archive: its id (unique) and its cleaned original name. */
function archiveFileName(file: Record<string, unknown>): string {
  const name = String(file.originalName || "fichier")
    .replace(/[^\p{L}\p{N}._ -]+/gu, "_")
    .slice(0, 80);
  return `files/${String(file.id)}-${name}`;
}

/**
 * The ZIP of one member's data: `README.txt`, one JSON per area (db/queries/data-export.ts) and
 * the original files under `files/`. Storage keys are replaced by the file's path in the archive.
 */
export async function buildMemberArchive(db: DbOrTx, userId: string): Promise<Uint8Array> {
  const data = await collectMemberData(db, { userId });
  const entries: Zippable = {};
  const files = data.files.map(({ storageKey, ...file }) => ({ ...file, storageKey, path: archiveFileName(file) }));
  for (const file of files) {
    const bytes = await getStorage().get(String(file.storageKey));
    if (bytes) entries[file.path] = [bytes, { level: 0 }];
  }
  // The archive names files by path; storage keys are internal.
  const publicFiles = files.map((file) => {
    const copy: Record<string, unknown> = { ...file };
    delete copy.storageKey;
    return copy;
  });
  for (const [area, rows] of Object.entries(data)) {
    const value =
      area === "files"
        ? publicFiles
        : area === "profile" || area === "notification-preferences"
          ? (rows[0] ?? null)
          : rows;
    entries[`${area}.json`] = strToU8(JSON.stringify(value, null, 2));
  }
  entries["README.txt"] = strToU8(
    "Export de vos données Pro'pulse. Un fichier JSON par domaine (champs décrits dans la documentation\n" +
      "du projet, section « Export »), vos fichiers d'origine dans files/.\n",
  );
  return zipSync(entries, { level: 6 });
}

/** Builds a pending export, stores the ZIP and marks it ready for 7 days. Idempotent. */
export async function buildExport(db: Db, exportId: string, now = new Date()): Promise<void> {
  const row = await getExport(db, { id: exportId });
  if (!row || row.status !== "pending") return;
  try {
    const zip = await buildMemberArchive(db, row.userId);
    const storageKey = `exports/${randomUUID()}`;
    await getStorage().put(storageKey, zip, "application/zip");
    const isMarked = await markExportReady(db, {
      id: row.id,
      storageKey,
      byteSize: zip.byteLength,
      expiresAt: new Date(now.getTime() + EXPORT_KEEP_DAYS * DAY),
    });
    // Erased (or otherwise gone) while building: the bytes must not stay behind.
    if (!isMarked) await scheduleStorageDeletion([storageKey]);
  } catch (error) {
    await markExportFailed(db, { id: row.id });
    throw error;
  }
}

export const dataExportJob = defineJob({
  name: "data.export",
  queue: { policy: "standard", retryLimit: 0, expireInSeconds: 900 },
  handle: async ({ exportId }, { db }) => buildExport(db, exportId),
});

/**
 * The member asks for an export, after typing their password again. A second request while one
 * is being built returns that one. Built by the job queue (or at once where none runs).
 */
export async function requestMyExport({ db, actor }: ServiceContext, input: { password: string; code?: string }) {
  if (!actor || !canExportOwnData(actor)) throw new AppError("not_found");
  const account = await getUserById(db, { id: actor.id });
  if (!account) throw new AppError("not_found");
  await confirmIdentity(db, account, input);
  const { export: row, isNew } = await createOrGetPendingExport(db, { userId: actor.id });
  if (isNew) {
    if (getJobQueue()) await enqueueJob("data.export", { exportId: row.id });
    else await buildExport(db as Db, row.id);
  }
  return { id: row.id, isNew };
}

export async function listMyExports({ db, actor }: ServiceContext) {
  if (!actor || !canExportOwnData(actor)) throw new AppError("not_found");
  const now = Date.now();
  return (await listOwnExports(db, { userId: actor.id })).map((row) => ({
    id: row.id,
    status:
      row.status === "ready" && row.expiresAt && row.expiresAt.getTime() <= now ? ("expired" as const) : row.status,
    createdAt: row.createdAt,
    expiresAt: row.expiresAt,
    byteSize: row.byteSize,
  }));
}

/** The archive's bytes, for its member only and until it expires; anyone else gets a 404. */
export async function readMyExport({ db, actor }: ServiceContext, input: { id: string }) {
  if (!actor || !canExportOwnData(actor)) throw new AppError("not_found");
  const row = await getOwnExport(db, { id: input.id, userId: actor.id });
  if (!row || row.status !== "ready" || !row.storageKey || !row.expiresAt || row.expiresAt.getTime() <= Date.now()) {
    throw new AppError("not_found");
  }
  const bytes = await getStorage().get(row.storageKey);
  if (!bytes) throw new AppError("not_found");
  return { bytes, createdAt: row.createdAt };
}
