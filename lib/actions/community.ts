"use server";

import "server-only";

import { revalidatePath } from "next/cache";
import { formAction, jsonAction } from "@/lib/action";
import { reportPost } from "@/lib/moderation/service";
import { requestProStatus } from "@/lib/pros/service";
import { acceptAnswer, unacceptAnswer } from "@/lib/questions/service";
import { acceptAnswerSchema, reportPostSchema, unacceptAnswerSchema } from "@/lib/validation/moderation";
import { proRequestSchema } from "@/lib/validation/pros";
import { contextFor } from "@/lib/context";

// Member-facing actions of the pro, questions and reporting features (thin wrappers).

export const requestProAction = formAction(
  proRequestSchema,
  async (input, { user }) => {
    await requestProStatus(contextFor(user), input);
    revalidatePath("/pros/request");
    return { done: true };
  },
  { requireUser: true },
);

export const reportPostAction = jsonAction(reportPostSchema, async (input, { user }) =>
  reportPost(contextFor(user), input),
);

export const acceptAnswerAction = jsonAction(acceptAnswerSchema, async (input, { user }) => {
  const result = await acceptAnswer(contextFor(user), input);
  revalidatePath("/questions");
  return result;
});

export const unacceptAnswerAction = jsonAction(unacceptAnswerSchema, async (input, { user }) => {
  const result = await unacceptAnswer(contextFor(user), input);
  revalidatePath("/questions");
  return result;
});
