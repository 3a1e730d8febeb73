import { jsonRoute } from "@/lib/api";
import { markResolved } from "@/lib/reviews/versions";
import { resolveSchema } from "@/lib/validation/reviews";
import { contextFor } from "@/lib/context";

/** POST { isResolved } : the author marks the request "Résolu" or reopens it. */
export const POST = jsonRoute(resolveSchema, async (input, { user }) => ({
  body: await markResolved(contextFor(user), input),
}));
