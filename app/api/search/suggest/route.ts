import { jsonRoute } from "@/lib/api";
import { contextFor } from "@/lib/context";
import { suggestionsFor } from "@/lib/search/views";
import { suggest } from "@/lib/search/service";
import { suggestInputSchema } from "@/lib/validation/search";

/** The header's suggestions: GET /api/search/suggest?q=candid → { items: [{ kind, label, href, … }] }. */
export const GET = jsonRoute(suggestInputSchema, async (input, { user }) => {
  const found = await suggest(contextFor(user), input.q);
  return { body: { items: suggestionsFor(found) } };
});
