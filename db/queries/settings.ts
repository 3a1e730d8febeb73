import "server-only";
import { inArray, sql } from "drizzle-orm";
import type { DbOrTx } from "../client";
import { settings } from "../schema";

/** The stored values of some settings; missing keys are absent from the map (callers apply defaults). */
export async function getSettings(db: DbOrTx, { keys }: { keys: string[] }): Promise<Map<string, unknown>> {
  const rows = await db
    .select({ key: settings.key, value: settings.value })
    .from(settings)
    .where(inArray(settings.key, keys));
  return new Map(rows.map((row) => [row.key, row.value]));
}

export async function setSetting(db: DbOrTx, { key, value }: { key: string; value: unknown }) {
  await db
    .insert(settings)
    .values({ key, value })
    .onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: sql`now()` } });
}
