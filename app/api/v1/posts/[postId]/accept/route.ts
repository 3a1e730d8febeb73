import { z } from "zod";
import { jsonRoute } from "@/lib/api";
import { acceptAnswer } from "@/lib/questions/service";
import { contextFor } from "@/lib/context";

/** POST /api/v1/posts/:id/accept — the question's asker (or a facilitator) accepts this reply. */
export const POST = jsonRoute(z.object({ postId: z.coerce.number().int().positive() }), async (input, { user }) => ({
  body: await acceptAnswer(contextFor(user), input),
}));
