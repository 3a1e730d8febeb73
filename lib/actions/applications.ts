"use server";

import "server-only";

import { revalidatePath } from "next/cache";
import { formAction, jsonAction } from "@/lib/action";
import { removeMyApplication, updateMyApplication } from "@/lib/offers/tracker";
import { applicationIdSchema, updateApplicationSchema } from "@/lib/validation/offers";
import { contextFor } from "@/lib/context";

// Thin wrappers: the owner's id goes into every query in lib/offers/tracker → db/queries/applications.

export const updateApplicationAction = formAction(
  updateApplicationSchema,
  async (input, { user }) => {
    const updated = await updateMyApplication(contextFor(user), input);
    revalidatePath("/applications");
    return { id: updated.id, status: updated.status };
  },
  { requireUser: true },
);

/** One tap on a stage of the pipeline (and its "Annuler"): the same checks as the full form. */
export const setApplicationStageAction = jsonAction(updateApplicationSchema, async (input, { user }) => {
  const updated = await updateMyApplication(contextFor(user), input);
  revalidatePath("/applications");
  return { id: updated.id, status: updated.status };
});

export const removeApplicationAction = jsonAction(applicationIdSchema, async (input, { user }) => {
  await removeMyApplication(contextFor(user), input);
  revalidatePath("/applications");
  return null;
});
