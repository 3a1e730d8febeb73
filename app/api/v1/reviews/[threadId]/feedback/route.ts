import { jsonRoute } from "@/lib/api";
import { submitFeedback } from "@/lib/reviews/feedback";
import { submitFeedbackSchema } from "@/lib/validation/reviews";
import { contextFor } from "@/lib/context";

/** POST a structured review (rubric scores + free text) on a review request. */
export const POST = jsonRoute(submitFeedbackSchema, async (input, { user }) => {
  const result = await submitFeedback(contextFor(user), input);
  return { status: result.isNew ? 201 : 200, body: result };
});
