import { getTranslations } from "next-intl/server";
import type { ThreadListEntry } from "@/components/forum/thread-list";
import { getReviewListStatuses } from "@/lib/reviews/reads";

/**
 * The badges of review and pitch threads in a channel list (one query for the page): what a
 * reviewer looks for first — requests nobody has reviewed yet — and what is already resolved.
 */
export async function reviewListBadges(
  threadIds: number[],
  kind: "review" | "pitch",
): Promise<Map<number, NonNullable<ThreadListEntry["badges"]>>> {
  const [statuses, t] = await Promise.all([getReviewListStatuses(threadIds), getTranslations("review")]);
  const badges = new Map<number, NonNullable<ThreadListEntry["badges"]>>();
  for (const [threadId, status] of statuses) {
    const list: NonNullable<ThreadListEntry["badges"]> = [];
    if (status.isResolved) list.push({ label: t("resolved"), tone: "success" });
    else if (status.feedbackCount === 0) list.push({ label: t("listNoFeedback"), tone: "brand" });
    if (status.feedbackCount > 0)
      list.push({ label: t("summaryCount", { count: status.feedbackCount }), tone: "teal" });
    if (kind === "pitch" && status.hasFile) list.push({ label: t("pitch.listRecorded") });
    if (kind === "review" && status.versionCount > 1)
      list.push({ label: t("versionLabel", { number: status.versionCount }) });
    badges.set(threadId, list);
  }
  return badges;
}
