import { startPitch } from "@/lib/pitches/service";
import { uploadRoute } from "@/lib/uploads/route";
import { createPitchSchema } from "@/lib/validation/pitches";
import { contextFor } from "@/lib/context";

/**
 * POST a pitch as multipart/form-data (fields + optional recording in `file`), sent by XHR.
 * Order: parse → authenticate → (service) load → authorise → check content → store → write.
 */
export const POST = uploadRoute(
  { schema: createPitchSchema, fields: ["channelSlug", "title", "target", "text", "idempotencyKey"] },
  async (input, { user, file }) => {
    const result = await startPitch(contextFor(user), input, file);
    return { status: result.isNew ? 201 : 200, body: { threadId: result.thread.id, path: result.path } };
  },
);
