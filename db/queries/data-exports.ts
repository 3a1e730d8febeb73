import "server-only";
import { and, desc, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "../client";
import { dataExports, type DataExport } from "../schema";
import { insertAudit } from "./audit";

/**
 * Starts an export, or returns the one already running for this member (the partial unique index
 * allows one `pending` export per member, so two simultaneous requests get the same row). A new
 * export is written to the audit log in the same transaction.
 */
export async function createOrGetPendingExport(
  db: DbOrTx,
  { userId }: { userId: string },
): Promise<{ export: DataExport; isNew: boolean }> {
  return db.transaction(async (tx) => {
    const [created] = await tx
      .insert(dataExports)
      .values({ userId })
      .onConflictDoNothing({ target: dataExports.userId, where: sql`${dataExports.status} = 'pending'` })
      .returning();
    if (created) {
      await insertAudit(tx, {
        actorId: userId,
        action: "data.export",
        targetType: "user",
        targetId: userId,
        targetUserId: userId,
      });
      return { export: created, isNew: true };
    }
    const [running] = await tx
      .select()
      .from(dataExports)
      .where(and(eq(dataExports.userId, userId), eq(dataExports.status, "pending")));
    return { export: running!, isNew: false };
  });
}

export async function getExport(db: DbOrTx, { id }: { id: string }): Promise<DataExport | null> {
  const [row] = await db.select().from(dataExports).where(eq(dataExports.id, id));
  return row ?? null;
}

/** The member's own export (null for anyone else's id: the caller answers 404). */
export async function getOwnExport(db: DbOrTx, { id, userId }: { id: string; userId: string }) {
  const [row] = await db
    .select()
    .from(dataExports)
    .where(and(eq(dataExports.id, id), eq(dataExports.userId, userId)));
  return row ?? null;
}

export async function listOwnExports(db: DbOrTx, { userId }: { userId: string }) {
  return db
    .select()
    .from(dataExports)
    .where(eq(dataExports.userId, userId))
    .orderBy(desc(dataExports.createdAt))
    .limit(10);
}

/** Only a pending export becomes ready (a rerun of the job after success changes nothing). */
export async function markExportReady(
  db: DbOrTx,
  params: { id: string; storageKey: string; byteSize: number; expiresAt: Date },
): Promise<boolean> {
  const rows = await db
    .update(dataExports)
    .set({
      status: "ready",
      storageKey: params.storageKey,
      byteSize: params.byteSize,
      readyAt: new Date(),
      expiresAt: params.expiresAt,
    })
    .where(and(eq(dataExports.id, params.id), eq(dataExports.status, "pending")))
    .returning({ id: dataExports.id });
  return rows.length > 0;
}

export async function markExportFailed(db: DbOrTx, { id }: { id: string }) {
  await db
    .update(dataExports)
    .set({ status: "failed" })
    .where(and(eq(dataExports.id, id), eq(dataExports.status, "pending")));
}

/** Deletes exports past their 7 days (and failed ones over a day old); returns their storage keys. */
export async function deleteExpiredExports(db: DbOrTx, { now }: { now: Date }): Promise<string[]> {
  const rows = await db
    .delete(dataExports)
    .where(
      sql`(${dataExports.expiresAt} <= ${now}) or (${dataExports.status} = 'failed' and ${dataExports.createdAt} <= ${new Date(now.getTime() - 86_400_000)})`,
    )
    .returning({ storageKey: dataExports.storageKey });
  return rows.flatMap((row) => (row.storageKey ? [row.storageKey] : []));
}
