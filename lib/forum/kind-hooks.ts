import "server-only";
import type { PostWithAuthor } from "@/db/queries/posts";
import type { Channel, Thread, ThreadKind } from "@/db/schema";
import { notifyOfferReply } from "@/lib/offers/notify";
import type { PublishContext } from "./publish";

export type Published = { thread: Thread; channel: Channel; post: PostWithAuthor; isNewThread: boolean };
type Hook = (ctx: PublishContext, published: Published) => Promise<void>;

/**
 * What happens after commit when a post is published in a thread of a given kind, beside the
 * live events every post gets. The pipeline (publish.ts) calls these for every post, whatever
 * service published it, so a kind's behaviour cannot drift between entry points.
 */
const THREAD_KIND_HOOKS: Partial<Record<ThreadKind, { afterThread?: Hook; afterReply?: Hook }>> = {
  offer: {
    // A question under an offer notifies the offer's author (not when they answer themselves).
    afterReply: async (ctx, { thread, post }) => {
      await notifyOfferReply(ctx.db, {
        thread,
        replyAuthorId: post.authorId,
        postId: post.id,
        postNumber: post.number,
      });
    },
  },
};

export async function runAfterPublish(ctx: PublishContext, published: Published): Promise<void> {
  const hooks = THREAD_KIND_HOOKS[published.thread.kind];
  const hook = published.isNewThread ? hooks?.afterThread : hooks?.afterReply;
  if (hook) await hook(ctx, published);
}
