"use server";

import "server-only";

import { revalidatePath } from "next/cache";
import { formAction } from "@/lib/action";
import { contextFor } from "@/lib/context";
import { followCommunity, refreshFollowedCommunity, unfollowCommunity } from "@/lib/network/service";
import { addNetworkSourceSchema, networkSourceIdSchema } from "@/lib/validation/network";

function revalidateNetworkPages() {
  revalidatePath("/moderation/reseau");
  revalidatePath("/c/offres", "layout");
}

export const followCommunityAction = formAction(addNetworkSourceSchema, async (input, { user }) => {
  const { refresh } = await followCommunity(contextFor(user), input);
  revalidateNetworkPages();
  return refresh;
});

export const refreshCommunityAction = formAction(networkSourceIdSchema, async ({ sourceId }, { user }) => {
  const refresh = await refreshFollowedCommunity(contextFor(user), sourceId);
  revalidateNetworkPages();
  return refresh;
});

export const unfollowCommunityAction = formAction(networkSourceIdSchema, async ({ sourceId }, { user }) => {
  await unfollowCommunity(contextFor(user), sourceId);
  revalidateNetworkPages();
  return { done: "removed" as const };
});
