"use server";

import "server-only";

import { revalidatePath } from "next/cache";
import { formAction } from "@/lib/action";
import { updateBranding } from "@/lib/branding/service";
import { contextFor } from "@/lib/context";
import { brandingSchema } from "@/lib/validation/branding";

export const updateBrandingAction = formAction(brandingSchema, async (input, { user }) => {
  await updateBranding(contextFor(user), input);
  // Every page shows the name and colours.
  revalidatePath("/", "layout");
  return { done: "saved" as const };
});
