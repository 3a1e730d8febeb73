import "server-only";
import type { PostWithAuthor } from "@/db/queries/posts";
import type { Channel, Thread, ThreadKind } from "@/db/schema";
import { getOffer } from "@/db/queries/offers";
import { notifyOfferMatches } from "@/lib/offers/saved-searches";
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
    // A new offer notifies the members whose saved searches it matches (questions under it
    // reach its author through the ordinary reply notifications).
    afterThread: async (ctx, { thread, post }) => {
      const offer = await getOffer(ctx.db, { threadId: thread.id });
      if (offer)
        await notifyOfferMatches(ctx.db, { ...offer, threadId: thread.id, postId: post.id, authorId: post.authorId });
    },
  },
};

export async function runAfterPublish(ctx: PublishContext, published: Published): Promise<void> {
  const hooks = THREAD_KIND_HOOKS[published.thread.kind];
  const hook = published.isNewThread ? hooks?.afterThread : hooks?.afterReply;
  if (hook) await hook(ctx, published);
}
