import { jsonRoute } from "@/lib/api";
import { startThread } from "@/lib/forum/service";
import { createThreadSchema } from "@/lib/validation/forum";
import { contextFor } from "@/lib/context";

const bodySchema = createThreadSchema
  .omit({ channelSlug: true })
  .extend({ slug: createThreadSchema.shape.channelSlug });

/** POST /api/v1/channels/:slug/threads — start a thread as the signed-in member. */
export const POST = jsonRoute(bodySchema, async ({ slug, ...input }, { user }) => {
  const { thread, path, isNew } = await startThread(contextFor(user), { ...input, channelSlug: slug });
  return { status: isNew ? 201 : 200, body: { id: thread.id, path } };
});
