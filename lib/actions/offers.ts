"use server";

import "server-only";

import { revalidatePath } from "next/cache";
import { jsonAction } from "@/lib/action";
import { editOffer, publishOffer, setOfferStatus } from "@/lib/offers/service";
import { saveOfferToTracker } from "@/lib/offers/tracker";
import { createOfferSchema, offerStatusSchema, saveOfferSchema, updateOfferSchema } from "@/lib/validation/offers";
import { contextFor } from "@/lib/context";

// Thin wrappers: validation in lib/validation/offers, permissions and data in lib/offers.

export const createOfferAction = jsonAction(createOfferSchema, async (input, { user }) => {
  const { path } = await publishOffer(contextFor(user), input);
  revalidatePath("/c/offres");
  return { path };
});

export const updateOfferAction = jsonAction(updateOfferSchema, async (input, { user }) => {
  const result = await editOffer(contextFor(user), input);
  if (result.conflict) return { conflict: true as const };
  revalidatePath(result.path);
  return { conflict: false as const, path: result.path };
});

export const setOfferStatusAction = jsonAction(offerStatusSchema, async (input, { user }) => {
  const { path } = await setOfferStatus(contextFor(user), input);
  revalidatePath(path);
  return { path };
});

export const saveOfferAction = jsonAction(saveOfferSchema, async (input, { user }) => {
  const { id } = await saveOfferToTracker(contextFor(user), input);
  return { id };
});
