"use server";

import "server-only";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { formAction } from "@/lib/action";
import { contextFor } from "@/lib/context";
import {
  cancelActivity,
  decideActivity,
  editActivity,
  postRecap,
  proposeActivity,
  recordAttendance,
  respondToActivity,
} from "@/lib/rhythm/activities";
import { createMyCalendarFeed, revokeMyCalendarFeed } from "@/lib/rhythm/calendar";
import { submitCheckin } from "@/lib/rhythm/checkins";
import { updateCheckinSettings } from "@/lib/rhythm/config";
import type { IsoWeekday } from "@/lib/domain/rhythm";
import {
  activityIdSchema,
  activitySchema,
  attendanceSchema,
  cancelActivitySchema,
  checkinSchema,
  checkinSettingsSchema,
  decideActivitySchema,
  rsvpSchema,
  recapSchema,
} from "@/lib/validation/rhythm";

export const submitCheckinAction = formAction(
  checkinSchema,
  async (input, { user }) => {
    const { path } = await submitCheckin(contextFor(user), input);
    revalidatePath("/");
    revalidatePath("/cafe");
    return { path };
  },
  { requireUser: true },
);

export const proposeActivityAction = formAction(
  activitySchema,
  async (input, { user }) => {
    const activity = await proposeActivity(contextFor(user), input);
    revalidatePath("/activites");
    redirect(`/activites/${activity.id}`);
  },
  { requireUser: true },
);

export const editActivityAction = formAction(
  activitySchema.and(z.object({ activityId: activityIdSchema })),
  async ({ activityId, ...input }, { user }) => {
    await editActivity(contextFor(user), activityId, input);
    revalidatePath(`/activites/${activityId}`);
    redirect(`/activites/${activityId}`);
  },
  { requireUser: true },
);

export const respondToActivityAction = formAction(
  rsvpSchema,
  async (input, { user }) => {
    const { response } = await respondToActivity(contextFor(user), input);
    revalidatePath(`/activites/${input.activityId}`);
    revalidatePath("/");
    return { response };
  },
  { requireUser: true },
);

export const decideActivityAction = formAction(
  decideActivitySchema,
  async (input, { user }) => {
    await decideActivity(contextFor(user), input);
    revalidatePath("/activites");
    revalidatePath(`/activites/${input.activityId}`);
  },
  { requireUser: true },
);

export const cancelActivityAction = formAction(
  cancelActivitySchema,
  async (input, { user }) => {
    await cancelActivity(contextFor(user), input);
    revalidatePath(`/activites/${input.activityId}`);
  },
  { requireUser: true },
);

export const recordAttendanceAction = formAction(
  attendanceSchema,
  async (input, { user }) => {
    await recordAttendance(contextFor(user), input);
    revalidatePath(`/activites/${input.activityId}`);
  },
  { requireUser: true },
);

export const postRecapAction = formAction(
  recapSchema,
  async (input, { user }) => {
    const path = await postRecap(contextFor(user), input);
    revalidatePath(`/activites/${input.activityId}`);
    return { path };
  },
  { requireUser: true },
);

export const createCalendarFeedAction = formAction(
  z.object({}),
  async (_input, { user }) => ({ url: await createMyCalendarFeed(contextFor(user)) }),
  { requireUser: true },
);

export const revokeCalendarFeedAction = formAction(
  z.object({}),
  async (_input, { user }) => {
    await revokeMyCalendarFeed(contextFor(user));
    revalidatePath("/activites");
  },
  { requireUser: true },
);

export const saveCheckinSettingsAction = formAction(
  checkinSettingsSchema,
  async ({ day, nudgeMessage, ...questions }, { user }) => {
    await updateCheckinSettings(contextFor(user), { day: day as IsoWeekday, questions, nudgeMessage });
    revalidatePath("/cafe");
  },
  { requireUser: true },
);
