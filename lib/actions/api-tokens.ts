"use server";

import "server-only";

import { revalidatePath } from "next/cache";
import { formAction, jsonAction } from "@/lib/action";
import { createMyApiToken, revokeMyApiToken } from "@/lib/offers/api-tokens";
import { createApiTokenSchema, revokeApiTokenSchema } from "@/lib/validation/offers";
import { contextFor } from "@/lib/context";

/** Returns the token in clear text once; only its SHA-256 is stored. */
export const createApiTokenAction = formAction(
  createApiTokenSchema,
  async (input, { user }) => {
    const { token, item } = await createMyApiToken(contextFor(user), input);
    revalidatePath("/settings/api-tokens");
    return { token, name: item.name };
  },
  { requireUser: true },
);

export const revokeApiTokenAction = jsonAction(revokeApiTokenSchema, async (input, { user }) => {
  await revokeMyApiToken(contextFor(user), input);
  revalidatePath("/settings/api-tokens");
  return null;
});
