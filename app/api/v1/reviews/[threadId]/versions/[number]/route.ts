import { jsonRoute } from "@/lib/api";
import { removeVersion } from "@/lib/reviews/versions";
import { versionRefSchema } from "@/lib/validation/reviews";
import { contextFor } from "@/lib/context";

/** DELETE one version of a review request (author only, never the last one). */
export const DELETE = jsonRoute(versionRefSchema, async (input, { user }) => ({
  body: await removeVersion(contextFor(user), input),
}));
