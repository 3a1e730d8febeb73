"use server";

import "server-only";

import { revalidatePath } from "next/cache";
import {
  createInvitationLink,
  decideAdmissionRequest,
  revokeInvitationLink,
  updateCommunitySettings,
} from "@/lib/admission/service";
import { formAction, jsonAction } from "@/lib/action";
import {
  dismissPostReport,
  archiveChannel,
  editChannel,
  moveThreadToChannel,
  setPostVisibility,
  setThreadLocked,
  setThreadPinned,
} from "@/lib/moderation/service";
import { changeMemberRole, suspendMember, unsuspendMember } from "@/lib/moderation/users";
import { decideProStatus } from "@/lib/pros/service";
import {
  admissionDecisionSchema,
  communitySettingsSchema,
  invitationSchema,
  revokeInvitationSchema,
} from "@/lib/validation/admission";
import {
  changeRoleSchema,
  dismissReportSchema,
  hidePostSchema,
  moveThreadSchema,
  suspendUserSchema,
  threadFlagSchema,
  unhidePostSchema,
  unsuspendUserSchema,
  updateChannelSchema,
  archiveChannelSchema,
} from "@/lib/validation/moderation";
import { proDecisionSchema } from "@/lib/validation/pros";
import { contextFor } from "@/lib/context";
import { placeInCohortById } from "@/lib/impact/cohorts";

// Thin wrappers: validation in lib/validation, permissions, data and audit in the services.

export const hidePostAction = jsonAction(hidePostSchema, async (input, { user }) => {
  const post = await setPostVisibility(contextFor(user), { postId: input.postId, hidden: true, reason: input.reason });
  revalidatePath("/moderation", "layout");
  return { postId: post.id, hiddenReason: post.hiddenReason };
});

export const unhidePostAction = jsonAction(unhidePostSchema, async (input, { user }) => {
  const post = await setPostVisibility(contextFor(user), { postId: input.postId, hidden: false, reason: input.reason });
  return { postId: post.id };
});

/** From the reports queue (a form): hides the reported post and closes its reports. */
export const hideReportedPostAction = formAction(hidePostSchema, async (input, { user }) => {
  await setPostVisibility(contextFor(user), { postId: input.postId, hidden: true, reason: input.reason });
  revalidatePath("/moderation", "layout");
  return { done: "hidden" as const };
});

export const dismissReportAction = formAction(dismissReportSchema, async (input, { user }) => {
  await dismissPostReport(contextFor(user), input);
  revalidatePath("/moderation", "layout");
  return { done: "dismissed" as const };
});

export const setThreadLockedAction = jsonAction(threadFlagSchema, async (input, { user }) => {
  const thread = await setThreadLocked(contextFor(user), input);
  revalidatePath("/", "layout");
  return { isLocked: thread.isLocked };
});

export const setThreadPinnedAction = jsonAction(threadFlagSchema, async (input, { user }) => {
  const thread = await setThreadPinned(contextFor(user), input);
  revalidatePath("/", "layout");
  return { isPinned: thread.isPinned };
});

export const moveThreadAction = jsonAction(moveThreadSchema, async (input, { user }) => {
  const { path } = await moveThreadToChannel(contextFor(user), input);
  revalidatePath("/", "layout");
  return { path };
});

export const updateChannelAction = formAction(updateChannelSchema, async (input, { user }) => {
  const channel = await editChannel(contextFor(user), input);
  revalidatePath("/", "layout");
  return { name: channel.name };
});

export const archiveChannelAction = jsonAction(archiveChannelSchema, async (input, { user }) => {
  const channel = await archiveChannel(contextFor(user), input);
  revalidatePath("/", "layout");
  return { slug: channel.slug, isArchived: channel.archivedAt !== null };
});

export const suspendUserAction = formAction(suspendUserSchema, async (input, { user }) => {
  await suspendMember(contextFor(user), input);
  revalidatePath("/moderation", "layout");
  return { done: "suspended" as const };
});

export const unsuspendUserAction = formAction(unsuspendUserSchema, async (input, { user }) => {
  await unsuspendMember(contextFor(user), input);
  revalidatePath("/moderation", "layout");
  return { done: "unsuspended" as const };
});

export const changeRoleAction = formAction(changeRoleSchema, async (input, { user }) => {
  await changeMemberRole(contextFor(user), input);
  revalidatePath("/moderation", "layout");
  return { done: "roleChanged" as const };
});

export const decideProRequestAction = formAction(proDecisionSchema, async (input, { user }) => {
  await decideProStatus(contextFor(user), {
    requestId: input.requestId,
    approve: input.decision === "approve",
    message: input.message || null,
  });
  revalidatePath("/", "layout");
  return { decision: input.decision };
});

export const decideAdmissionAction = formAction(admissionDecisionSchema, async (input, { user }) => {
  await decideAdmissionRequest(contextFor(user), {
    userId: input.userId,
    approve: input.decision === "approve",
    message: input.message || null,
  });
  if (input.decision === "approve" && input.cohortId) {
    await placeInCohortById(contextFor(user), { cohortId: input.cohortId, userId: input.userId });
  }
  revalidatePath("/moderation", "layout");
  return { decision: input.decision };
});

export const createInvitationAction = formAction(invitationSchema, async (input, { user }) => {
  const { url } = await createInvitationLink(contextFor(user), input);
  revalidatePath("/moderation/invitations");
  return { url };
});

export const revokeInvitationAction = formAction(revokeInvitationSchema, async (input, { user }) => {
  await revokeInvitationLink(contextFor(user), input);
  revalidatePath("/moderation/invitations");
  return { done: "revoked" as const };
});

export const updateCommunitySettingsAction = formAction(communitySettingsSchema, async (input, { user }) => {
  await updateCommunitySettings(contextFor(user), input);
  revalidatePath("/", "layout");
  return { done: "saved" as const };
});
