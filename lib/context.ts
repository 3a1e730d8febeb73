import "server-only";
import type { DbOrTx } from "@/db";
import { getDb } from "@/lib/db";
import type { Actor } from "@/lib/permissions";

/**
 * What a service works with: the database (or the transaction it must join) and who is acting.
 * Entry points (actions, routes, pages, sockets) build it once per request; tests pass their own
 * database; a multi-step operation passes its transaction so every step commits together.
 */
export type ServiceContext = { db: DbOrTx; actor: Actor };

/** The context of a request: the process database and the signed-in actor (or a visitor). */
export function contextFor(actor: Actor, db: DbOrTx = getDb()): ServiceContext {
  return { db, actor };
}
