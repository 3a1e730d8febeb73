import { startReviewRequest } from "@/lib/reviews/service";
import { uploadRoute } from "@/lib/uploads/route";
import { createReviewSchema } from "@/lib/validation/reviews";
import { contextFor } from "@/lib/context";

/**
 * POST a review request as multipart/form-data (fields + optional `file`), sent by XHR so the
 * page can show upload progress. Order: parse → authenticate → (service) load → authorise → act.
 */
export const POST = uploadRoute(
  {
    schema: createReviewSchema,
    fields: ["channelSlug", "title", "target", "feedbackWanted", "letterText", "idempotencyKey"],
  },
  async (input, { user, file }) => {
    const result = await startReviewRequest(contextFor(user), input, file);
    return { status: result.isNew ? 201 : 200, body: { threadId: result.thread.id, path: result.path } };
  },
);
