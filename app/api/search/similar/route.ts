import { jsonRoute } from "@/lib/api";
import { contextFor } from "@/lib/context";
import { similarThreads } from "@/lib/search/service";
import { titleHitView } from "@/lib/search/views";
import { similarThreadsInputSchema } from "@/lib/validation/search";

/** The composer's "similar threads": GET /api/search/similar?title=…&channel=entraide (members only, else empty). */
export const GET = jsonRoute(similarThreadsInputSchema, async (input, { user }) => {
  const threads = await similarThreads(contextFor(user), input);
  return { body: { items: threads.map(titleHitView) } };
});
