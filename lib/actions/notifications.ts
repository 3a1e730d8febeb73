"use server";

import "server-only";

import { jsonAction } from "@/lib/action";
import { contextFor } from "@/lib/context";
import { updateMyNotificationPreferences } from "@/lib/notifications/preferences";
import { followChannel, followThread } from "@/lib/notifications/service";
import { deleteOfferSearch, saveOfferSearch } from "@/lib/offers/saved-searches";
import { followChannelSchema, followThreadSchema, notificationPreferencesSchema } from "@/lib/validation/notifications";
import { offerFiltersSchema } from "@/lib/validation/offers";
import { z } from "zod";

// Thin wrappers: validation in lib/validation, permissions and data in the services.

export const followThreadAction = jsonAction(followThreadSchema, async (input, { user }) => {
  await followThread(contextFor(user), input);
  return input.level;
});

export const followChannelAction = jsonAction(followChannelSchema, async (input, { user }) => {
  await followChannel(contextFor(user), input);
  return input.level;
});

export const saveOfferSearchAction = jsonAction(offerFiltersSchema, async (input, { user }) => {
  return saveOfferSearch(contextFor(user), input);
});

export const deleteOfferSearchAction = jsonAction(
  z.object({ id: z.number().int().positive().max(Number.MAX_SAFE_INTEGER) }),
  async (input, { user }) => {
    await deleteOfferSearch(contextFor(user), input);
  },
);

export const updateNotificationPreferencesAction = jsonAction(
  notificationPreferencesSchema,
  async (input, { user }) => {
    await updateMyNotificationPreferences(contextFor(user), input);
  },
);
