import { NextResponse } from "next/server";
import { errorResponse } from "@/lib/api";
import { getCurrentUser } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { startPitch } from "@/lib/pitches/service";
import { fieldErrorsResponse, readUploadForm, refusalResponse } from "@/lib/uploads/request";
import { createPitchSchema } from "@/lib/validation/pitches";

/**
 * POST a pitch as multipart/form-data (fields + optional recording in `file`), sent by XHR.
 * Order: parse → authenticate → (service) load → authorise → check content → store → write.
 */
export async function POST(request: Request) {
  try {
    const { fields, file } = await readUploadForm(request, [
      "channelSlug",
      "title",
      "target",
      "text",
      "idempotencyKey",
    ]);
    const parsed = createPitchSchema.safeParse(fields);
    if (!parsed.success) return fieldErrorsResponse(parsed.error);
    const user = await getCurrentUser();
    if (!user) throw new AppError("unauthenticated");
    const result = await startPitch(user, parsed.data, file);
    return NextResponse.json({ threadId: result.thread.id, path: result.path }, { status: result.isNew ? 201 : 200 });
  } catch (error) {
    return (await refusalResponse(error)) ?? errorResponse(error);
  }
}
