import "server-only";
import { getDb } from "@/lib/db";
import { listReviewStatuses } from "@/db/queries/reviews";

/**
 * Review status of each thread of a channel list, in one query (feedback count, resolved,
 * versions, recorded file). The caller has checked the reader may see the channel.
 */
export async function getReviewListStatuses(threadIds: number[]) {
  return listReviewStatuses(getDb(), { threadIds });
}
