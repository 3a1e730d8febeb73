import { noteDatabaseError } from "@/lib/db-outage";

/**
 * A page or route that failed on a lost database connection opens the outage at once, so the
 * next requests get the calm 503 page at the door (server.ts) instead of failing one by one.
 */
export function onRequestError(error: unknown) {
  noteDatabaseError(error);
}
