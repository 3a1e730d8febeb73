import { NextResponse } from "next/server";
import { errorResponse } from "@/lib/api";
import { getCurrentUser } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { startReviewRequest } from "@/lib/reviews/service";
import { createReviewSchema } from "@/lib/validation/reviews";
import { fieldErrorsResponse, readUploadForm, refusalResponse } from "@/lib/uploads/request";

/**
 * POST a review request as multipart/form-data (fields + optional `file`), sent by XHR so the
 * page can show upload progress. Order: parse → authenticate → (service) load → authorise → act.
 */
export async function POST(request: Request) {
  try {
    const { fields, file } = await readUploadForm(request, [
      "channelSlug",
      "title",
      "target",
      "feedbackWanted",
      "letterText",
      "idempotencyKey",
    ]);
    const parsed = createReviewSchema.safeParse(fields);
    if (!parsed.success) return fieldErrorsResponse(parsed.error);
    const user = await getCurrentUser();
    if (!user) throw new AppError("unauthenticated");
    const result = await startReviewRequest(user, parsed.data, file);
    return NextResponse.json({ threadId: result.thread.id, path: result.path }, { status: result.isNew ? 201 : 200 });
  } catch (error) {
    return (await refusalResponse(error)) ?? errorResponse(error);
  }
}
