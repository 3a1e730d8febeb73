import { replyWithRecording } from "@/lib/pitches/service";
import { uploadRoute } from "@/lib/uploads/route";
import { pitchReplySchema } from "@/lib/validation/pitches";
import { contextFor } from "@/lib/context";

/**
 * POST a recorded answer to a pitch as multipart/form-data (`file` + optional `text`), sent by XHR.
 * Order: parse → authenticate → (service) load → authorise → check content → store → write.
 */
export const POST = uploadRoute(
  { schema: pitchReplySchema, fields: ["text", "idempotencyKey"] },
  async (input, { user, file }) => {
    const result = await replyWithRecording(contextFor(user), input, file);
    return { status: result.isNew ? 201 : 200, body: result };
  },
);
