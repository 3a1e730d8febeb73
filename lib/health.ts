import "server-only";
import { getDbHandle } from "@/lib/db";
import { noteDatabaseError } from "@/lib/db-outage";

export type DatabaseHealth = { ok: true; driver: string } | { ok: false; driver: string | null; error: unknown };

/** Whether the database answers (for /api/health): the driver in use and the failure, if any. */
export async function checkDatabase(): Promise<DatabaseHealth> {
  let driver: string | null = null;
  try {
    const handle = getDbHandle();
    driver = handle.driver;
    await handle.ping();
    return { ok: true, driver };
  } catch (error) {
    noteDatabaseError(error);
    return { ok: false, driver, error };
  }
}
