"use server";

import "server-only";

import { revalidatePath } from "next/cache";
import { formAction } from "@/lib/action";
import { contextFor } from "@/lib/context";
import { answerSurvey } from "@/lib/outcomes/survey";
import { surveyAnswerSchema } from "@/lib/validation/surveys";

export const answerSurveyAction = formAction(
  surveyAnswerSchema,
  async (input, { user }) => {
    await answerSurvey(contextFor(user), input);
    revalidatePath("/enquete");
    revalidatePath("/");
    return { isAnswered: true };
  },
  { requireUser: true },
);
