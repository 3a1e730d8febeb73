import { jsonRoute } from "@/lib/api";
import { commentOnPage } from "@/lib/reviews/page-comments";
import { pageCommentSchema } from "@/lib/validation/reviews";
import { contextFor } from "@/lib/context";

/** POST a comment on a page (and optional rectangle) of one version of the document. */
export const POST = jsonRoute(pageCommentSchema, async (input, { user }) => {
  const result = await commentOnPage(contextFor(user), input);
  return { status: result.isNew ? 201 : 200, body: result };
});
