import { NextResponse } from "next/server";
import { errorResponse } from "@/lib/api";
import { getCurrentUser } from "@/lib/auth/session";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { addVersion } from "@/lib/reviews/versions";
import { fieldErrorsResponse, isSameOriginUpload, refusalResponse } from "@/lib/uploads/request";
import { addVersionSchema } from "@/lib/validation/reviews";

/** POST a new version (multipart: `file` or `letterText`), by the request's author. */
export async function POST(request: Request, { params }: { params: Promise<{ threadId: string }> }) {
  try {
    if (!isSameOriginUpload(request)) throw new AppError("forbidden");
    if (Number(request.headers.get("content-length") ?? "0") > getEnv().UPLOAD_MAX_BYTES * 4) throw new AppError("bad_request", "review.refusedTooLarge");
    const form = await request.formData().catch(() => null);
    if (!form) throw new AppError("bad_request");
    const parsed = addVersionSchema.safeParse({ threadId: (await params).threadId, letterText: form.get("letterText") ?? undefined });
    if (!parsed.success) return fieldErrorsResponse(parsed.error);
    const user = await getCurrentUser();
    if (!user) throw new AppError("unauthenticated");
    const entry = form.get("file");
    const file = entry instanceof File ? { bytes: new Uint8Array(await entry.arrayBuffer()), name: entry.name } : null;
    const added = await addVersion(user, parsed.data, file);
    return NextResponse.json(added, { status: 201 });
  } catch (error) {
    return (await refusalResponse(error)) ?? errorResponse(error);
  }
}
