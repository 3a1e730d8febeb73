import { jsonRoute } from "@/lib/api";
import { withdrawFile } from "@/lib/reviews/versions";
import { versionRefSchema } from "@/lib/validation/reviews";
import { contextFor } from "@/lib/context";

/** DELETE the file of one version (author only, the last version included); reviews and comments stay. */
export const DELETE = jsonRoute(versionRefSchema, async (input, { user }) => ({
  body: await withdrawFile(contextFor(user), input),
}));
