import { NextResponse } from "next/server";
import { errorResponse } from "@/lib/api";
import { getCurrentUser } from "@/lib/auth/session";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { startPitch } from "@/lib/pitches/service";
import { maxUploadMb } from "@/lib/reviews/service";
import { fieldErrorsResponse, isSameOriginUpload, refusalResponse } from "@/lib/uploads/request";
import { createPitchSchema } from "@/lib/validation/pitches";

/** Like the review upload route: bodies far above the limit are refused before being read. */
const EARLY_REFUSAL_FACTOR = 4;

/**
 * POST a pitch as multipart/form-data (fields + optional recording in `file`), sent by XHR.
 * Order: parse → authenticate → (service) load → authorise → check content → store → write.
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
    const fields = Object.fromEntries(["channelSlug", "title", "target", "text", "idempotencyKey"].map((name) => [name, form.get(name) ?? undefined]));
    const parsed = createPitchSchema.safeParse(fields);
    if (!parsed.success) return fieldErrorsResponse(parsed.error);
    const user = await getCurrentUser();
    if (!user) throw new AppError("unauthenticated");
    const entry = form.get("file");
    const file = entry instanceof File ? { bytes: new Uint8Array(await entry.arrayBuffer()), name: entry.name } : null;
    const result = await startPitch(user, parsed.data, file);
    return NextResponse.json({ threadId: result.thread.id, path: result.path }, { status: result.isNew ? 201 : 200 });
  } catch (error) {
    return (await refusalResponse(error)) ?? errorResponse(error);
  }
}
