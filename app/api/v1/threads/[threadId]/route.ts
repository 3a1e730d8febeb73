import { z } from "zod";
import { jsonRoute } from "@/lib/api";
import { readThreadPage } from "@/lib/forum/service";
import { contextFor } from "@/lib/context";

const querySchema = z.object({
  threadId: z.coerce.number().int().positive(),
  after: z.coerce.number().int().min(1).optional(),
});

/** GET /api/v1/threads/:id[?after=N] — a window of the thread as its reader may see it. */
export const GET = jsonRoute(querySchema, async (input, { user }) => {
  const { thread, channel, page } = await readThreadPage(contextFor(user), input);
  return {
    body: {
      thread: {
        id: thread.id,
        title: thread.title,
        channel: channel.slug,
        replyCount: thread.replyCount,
        isLocked: thread.isLocked,
        isPinned: thread.isPinned,
      },
      ...page,
    },
  };
});
