import { z } from "zod";
import { jsonRoute } from "@/lib/api";
import { listNewPosts, replyToThread } from "@/lib/forum/service";
import { createReplySchema } from "@/lib/validation/forum";
import { contextFor } from "@/lib/context";

const bodySchema = createReplySchema.extend({ threadId: z.coerce.number().int().positive() });

/** POST /api/v1/threads/:id/posts — reply as the signed-in member (same rules as the page). */
export const POST = jsonRoute(bodySchema, async (input, { user }) => {
  const { post, isNew } = await replyToThread(contextFor(user), input);
  return { status: isNew ? 201 : 200, body: { post } };
});

const afterSchema = z.object({
  threadId: z.coerce.number().int().positive(),
  after: z.coerce.number().int().min(0).default(0),
});

/**
 * GET /api/v1/threads/:id/posts?after=N — the posts after N, in order (live catch-up), at most
 * 200 at a time: while `hasMore` is true, ask again with the last number returned.
 */
export const GET = jsonRoute(afterSchema, async (input, { user }) => ({
  body: await listNewPosts(contextFor(user), input),
}));
