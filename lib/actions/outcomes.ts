"use server";

import "server-only";

import { revalidatePath } from "next/cache";
import { formAction, jsonAction } from "@/lib/action";
import { contextFor } from "@/lib/context";
import { correctOutcome, declareOutcome, withdrawOutcome } from "@/lib/outcomes/service";
import { outcomeIdSchema, outcomeSchema } from "@/lib/validation/outcomes";

export const saveOutcomeAction = formAction(
  outcomeSchema,
  async ({ id, ...input }, { user }) => {
    const ctx = contextFor(user);
    const outcome = id ? await correctOutcome(ctx, id, input) : await declareOutcome(ctx, input);
    revalidatePath("/jai-trouve");
    revalidatePath("/c/victoires");
    return { id: outcome.id, isCelebrated: outcome.threadId !== null, isCorrection: Boolean(id) };
  },
  { requireUser: true },
);

export const withdrawOutcomeAction = jsonAction(outcomeIdSchema, async ({ id }, { user }) => {
  await withdrawOutcome(contextFor(user), id);
  revalidatePath("/jai-trouve");
  revalidatePath("/c/victoires");
  return null;
});
