import { NextResponse } from "next/server";
import { errorResponse } from "@/lib/api";
import { getCurrentUser } from "@/lib/auth/session";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { maxUploadMb, startReviewRequest } from "@/lib/reviews/service";
import { createReviewSchema } from "@/lib/validation/reviews";
import { fieldErrorsResponse, isSameOriginUpload, refusalResponse } from "@/lib/uploads/request";

/**
 * Bodies far above the limit are refused before being read. Slightly oversized ones are read,
 * then refused by the content check: answering before the body is consumed makes browsers
 * report a network error instead of our message.
 */
const EARLY_REFUSAL_FACTOR = 4;

/**
 * POST a review request as multipart/form-data (fields + optional `file`), sent by XHR so the
 * page can show upload progress. Order: parse → authenticate → (service) load → authorise → act.
 */
export async function POST(request: Request) {
  try {
    if (!isSameOriginUpload(request)) throw new AppError("forbidden");
    const declared = Number(request.headers.get("content-length") ?? "0");
    if (declared > getEnv().UPLOAD_MAX_BYTES * EARLY_REFUSAL_FACTOR) {
      throw new AppError("bad_request", "review.refusedTooLarge", { values: { maxMb: maxUploadMb() } });
    }
    const form = await request.formData().catch(() => null);
    if (!form) throw new AppError("bad_request");
    const fields = Object.fromEntries(["channelSlug", "title", "target", "feedbackWanted", "letterText", "idempotencyKey"].map((name) => [name, form.get(name) ?? undefined]));
    const parsed = createReviewSchema.safeParse(fields);
    if (!parsed.success) return fieldErrorsResponse(parsed.error);
    const user = await getCurrentUser();
    if (!user) throw new AppError("unauthenticated");
    const entry = form.get("file");
    const file = entry instanceof File ? { bytes: new Uint8Array(await entry.arrayBuffer()), name: entry.name } : null;
    const result = await startReviewRequest(user, parsed.data, file);
    return NextResponse.json({ threadId: result.thread.id, path: result.path }, { status: result.isNew ? 201 : 200 });
  } catch (error) {
    return (await refusalResponse(error)) ?? errorResponse(error);
  }
}
