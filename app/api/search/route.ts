import { jsonRoute } from "@/lib/api";
import { contextFor } from "@/lib/context";
import { search } from "@/lib/search/service";
import { postHitView, titleHitView } from "@/lib/search/views";
import { searchInputSchema } from "@/lib/validation/search";

/** The results page as JSON: GET /api/search?q=…&type=&sort=&cursor=… (same permissions as the page). */
export const GET = jsonRoute(searchInputSchema, async (input, { user }) => {
  const results = await search(contextFor(user), input);
  return {
    body: {
      query: results.query,
      items: results.items.map(postHitView),
      nextCursor: results.nextCursor,
      members: results.members,
      closeTitles: results.closeTitles.map(titleHitView),
    },
  };
});
