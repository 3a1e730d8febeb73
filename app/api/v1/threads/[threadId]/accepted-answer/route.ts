import { z } from "zod";
import { jsonRoute } from "@/lib/api";
import { contextFor } from "@/lib/context";
import { getAcceptedAnswerView } from "@/lib/questions/service";

/** GET /api/v1/threads/:id/accepted-answer — the question's accepted answer, or `{ post: null }`. */
export const GET = jsonRoute(z.object({ threadId: z.coerce.number().int().positive() }), async (input, { user }) => ({
  body: await getAcceptedAnswerView(contextFor(user), input),
}));
