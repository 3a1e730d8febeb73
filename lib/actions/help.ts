"use server";

import "server-only";

import { revalidatePath } from "next/cache";
import { formAction, jsonAction } from "@/lib/action";
import { contextFor } from "@/lib/context";
import { createHelpPage, deleteHelpPage, reorderHelpPages, updateHelpPage } from "@/lib/help/service";
import {
  createHelpPageSchema,
  deleteHelpPageSchema,
  reorderHelpPagesSchema,
  updateHelpPageSchema,
} from "@/lib/validation/help";

// Thin wrappers: validation in lib/validation/help, permissions, audit and data in lib/help.
// The forms send a FormData (the body as the editor's JSON text): a refused one keeps what was
// typed, and an error about one field (an address already taken) shows beside that field.

export const createHelpPageAction = formAction(createHelpPageSchema, async (input, { user }) => {
  const { slug } = await createHelpPage(contextFor(user), input);
  revalidatePath("/aide", "layout");
  return { path: `/aide/${slug}` };
});

export const updateHelpPageAction = formAction(updateHelpPageSchema, async (input, { user }) => {
  const { slug } = await updateHelpPage(contextFor(user), input);
  revalidatePath("/aide", "layout");
  return { path: `/aide/${slug}` };
});

export const deleteHelpPageAction = jsonAction(deleteHelpPageSchema, async (input, { user }) => {
  await deleteHelpPage(contextFor(user), input);
  revalidatePath("/aide", "layout");
  return { path: "/aide" };
});

export const reorderHelpPagesAction = jsonAction(reorderHelpPagesSchema, async (input, { user }) => {
  await reorderHelpPages(contextFor(user), input);
  revalidatePath("/aide");
  return { done: true as const };
});
