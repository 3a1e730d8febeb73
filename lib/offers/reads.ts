import "server-only";
import { cache } from "react";
import { getDb } from "@/lib/db";
import { listSavedOfferIds } from "@/db/queries/applications";
import { getOffer } from "@/db/queries/offers";
import type { Actor } from "@/lib/permissions";

/**
 * The offer of a thread, once per request (a thread page's metadata and section share it).
 * No permission check: the thread page has already checked the reader may see the thread.
 */
export const loadOfferOfThread = cache((threadId: number) => getOffer(getDb(), { threadId }));

/** Which of these offers the member has saved to their tracker (an empty set for visitors). */
export async function listMySavedOfferIds(actor: Actor, threadIds: number[]): Promise<Set<number>> {
  if (!actor) return new Set<number>();
  return listSavedOfferIds(getDb(), { userId: actor.id, threadIds });
}
