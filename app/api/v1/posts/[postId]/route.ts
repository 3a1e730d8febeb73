import { z } from "zod";
import { jsonRoute } from "@/lib/api";
import { editPost, getPostView, removePost } from "@/lib/forum/service";
import { updatePostSchema } from "@/lib/validation/forum";
import { contextFor } from "@/lib/context";

const postId = z.coerce.number().int().positive();

/** PATCH /api/v1/posts/:id — edit one's own post; 409 with the current text on a conflict. */
export const PATCH = jsonRoute(
  updatePostSchema.extend({ postId }),
  async (input, { user }): Promise<{ status?: number; body: unknown }> => {
    const result = await editPost(contextFor(user), input);
    if (result.conflict) return { status: 409, body: { error: "conflict", current: result.current } };
    return { body: { post: result.post } };
  },
);

/** DELETE /api/v1/posts/:id — delete one's own post (it stays as "message supprimé"). */
export const DELETE = jsonRoute(z.object({ postId }), async (input, { user }) => {
  const { post } = await removePost(contextFor(user), input);
  return { body: { id: post.id, deleted: true } };
});

/** GET /api/v1/posts/:id — one post as the reader may see it. */
export const GET = jsonRoute(z.object({ postId }), async (input, { user }) => ({
  body: { post: await getPostView(contextFor(user), input) },
}));
