import { and, asc, count, eq } from "drizzle-orm";
import type { DbOrTx } from "../client";
import { savedOfferSearches } from "../schema";

export async function listSavedOfferSearches(db: DbOrTx, { userId }: { userId: string }) {
  return db
    .select()
    .from(savedOfferSearches)
    .where(eq(savedOfferSearches.userId, userId))
    .orderBy(asc(savedOfferSearches.createdAt));
}

export async function countSavedOfferSearches(db: DbOrTx, { userId }: { userId: string }): Promise<number> {
  const [row] = await db.select({ n: count() }).from(savedOfferSearches).where(eq(savedOfferSearches.userId, userId));
  return row?.n ?? 0;
}

/** Saving the same search twice keeps one row. */
export async function insertSavedOfferSearch(db: DbOrTx, params: { userId: string; query: string }): Promise<void> {
  await db.insert(savedOfferSearches).values(params).onConflictDoNothing();
}

/** Deletes one of the member's own searches; false when it is not theirs or gone. */
export async function deleteSavedOfferSearch(db: DbOrTx, params: { userId: string; id: number }): Promise<boolean> {
  const rows = await db
    .delete(savedOfferSearches)
    .where(and(eq(savedOfferSearches.id, params.id), eq(savedOfferSearches.userId, params.userId)))
    .returning({ id: savedOfferSearches.id });
  return rows.length > 0;
}

/** Every saved search, for matching a new offer (a few per member: read at once). */
export async function listAllSavedOfferSearches(db: DbOrTx) {
  return db.select({ userId: savedOfferSearches.userId, query: savedOfferSearches.query }).from(savedOfferSearches);
}
