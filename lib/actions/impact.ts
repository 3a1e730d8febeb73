"use server";

import "server-only";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { formAction, jsonAction } from "@/lib/action";
import { contextFor } from "@/lib/context";
import { createCohort, placeMember, removeMember } from "@/lib/impact/cohorts";
import { savePositiveRule } from "@/lib/impact/service";
import { cohortSchema, placeMemberSchema, positiveRuleSchema } from "@/lib/validation/impact";

export const createCohortAction = formAction(
  cohortSchema,
  async (input, { user }) => {
    const cohort = await createCohort(contextFor(user), input);
    revalidatePath("/moderation/cohortes");
    return { id: cohort.id };
  },
  { requireUser: true },
);

export const placeMemberAction = formAction(
  placeMemberSchema,
  async (input, { user }) => {
    await placeMember(contextFor(user), input);
    revalidatePath(`/moderation/cohortes/${input.cohortId}`);
  },
  { requireUser: true },
);

export const removeCohortMemberAction = jsonAction(
  z.object({ cohortId: z.number().int().positive(), userId: z.uuid() }),
  async (input, { user }) => {
    await removeMember(contextFor(user), input);
    revalidatePath(`/moderation/cohortes/${input.cohortId}`);
    return null;
  },
);

export const savePositiveRuleAction = formAction(
  positiveRuleSchema,
  async (kinds, { user }) => {
    await savePositiveRule(contextFor(user), kinds);
    revalidatePath("/moderation/impact");
  },
  { requireUser: true },
);
