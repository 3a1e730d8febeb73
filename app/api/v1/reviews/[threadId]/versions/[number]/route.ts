import { jsonRoute } from "@/lib/api";
import { removeVersion } from "@/lib/reviews/versions";
import { versionRefSchema } from "@/lib/validation/reviews";

/** DELETE one version of a review request (author only, never the last one). */
export const DELETE = jsonRoute(versionRefSchema, async (input, { user }) => ({
  body: await removeVersion(user, input),
}));
