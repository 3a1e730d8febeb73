import { addVersion } from "@/lib/reviews/versions";
import { uploadRoute } from "@/lib/uploads/route";
import { addVersionSchema } from "@/lib/validation/reviews";
import { contextFor } from "@/lib/context";

/** POST a new version (multipart: `file` or `letterText`), by the request's author. */
export const POST = uploadRoute({ schema: addVersionSchema, fields: ["letterText"] }, async (input, { user, file }) => {
  const added = await addVersion(contextFor(user), input, file);
  return { status: 201, body: added };
});
