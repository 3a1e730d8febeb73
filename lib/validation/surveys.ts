import "server-only";
import { z } from "zod";
import { surveyHelps, surveySituations, type SurveyHelp } from "@/lib/domain/surveys";
import { blankToNull } from "./offers";
import { cleanString } from "./text";

const satisfactionError = "survey.errors.satisfactionRequired";

/**
 * The six-month survey's answer. "What helped most" comes as one checkbox per choice
 * (`helped_checkins=on`…), so the form's values survive a refused submit one by one.
 */
export const surveyAnswerSchema = z
  .object({
    situation: z.enum(surveySituations, { error: "survey.errors.situationRequired" }),
    satisfaction: z.preprocess(
      blankToNull,
      z.coerce
        .number({ error: satisfactionError })
        .int(satisfactionError)
        .min(1, satisfactionError)
        .max(5, satisfactionError),
    ),
    comment: z.preprocess(
      blankToNull,
      cleanString().pipe(z.string().trim().max(2000, "survey.errors.commentTooLong")).nullable(),
    ),
    ...(Object.fromEntries(surveyHelps.map((help) => [`helped_${help}`, z.literal("on").optional()])) as Record<
      `helped_${SurveyHelp}`,
      z.ZodOptional<z.ZodLiteral<"on">>
    >),
  })
  .transform(({ situation, satisfaction, comment, ...checks }) => ({
    situation,
    satisfaction,
    comment,
    helped: surveyHelps.filter((help) => checks[`helped_${help}`] === "on"),
  }));
export type SurveyAnswerInput = z.output<typeof surveyAnswerSchema>;
