import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "../client";
import { drafts } from "../schema";

export type DraftPayload = { title?: string; body?: unknown; replyToId?: number | null };

export async function getDraft(db: DbOrTx, { userId, target }: { userId: string; target: string }) {
  const [row] = await db
    .select({ payload: drafts.payload, updatedAt: drafts.updatedAt })
    .from(drafts)
    .where(and(eq(drafts.userId, userId), eq(drafts.target, target)))
    .limit(1);
  return row ? { payload: row.payload as DraftPayload, updatedAt: row.updatedAt } : null;
}

/** Saves (or replaces) what the member is writing for one target. */
export async function saveDraft(
  db: DbOrTx,
  { userId, target, payload }: { userId: string; target: string; payload: DraftPayload },
) {
  await db
    .insert(drafts)
    .values({ userId, target, payload })
    .onConflictDoUpdate({ target: [drafts.userId, drafts.target], set: { payload, updatedAt: sql`now()` } });
}

export async function deleteDraft(db: DbOrTx, { userId, target }: { userId: string; target: string }) {
  await db.delete(drafts).where(and(eq(drafts.userId, userId), eq(drafts.target, target)));
}
