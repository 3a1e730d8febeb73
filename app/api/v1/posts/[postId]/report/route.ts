import { z } from "zod";
import { jsonRoute } from "@/lib/api";
import { reportPost } from "@/lib/moderation/service";
import { reportPostSchema } from "@/lib/validation/moderation";
import { contextFor } from "@/lib/context";

/** POST /api/v1/posts/:id/report {reason} — flag a post for the facilitators (limited per hour: 429). */
export const POST = jsonRoute(
  reportPostSchema.extend({ postId: z.coerce.number().int().positive() }),
  async (input, { user }) => {
    const { isNew } = await reportPost(contextFor(user), input);
    return { status: isNew ? 201 : 200, body: { reported: true } };
  },
);
