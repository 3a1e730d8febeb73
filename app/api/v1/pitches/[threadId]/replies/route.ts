import { NextResponse } from "next/server";
import { errorResponse } from "@/lib/api";
import { getCurrentUser } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { replyWithRecording } from "@/lib/pitches/service";
import { fieldErrorsResponse, readUploadForm, refusalResponse } from "@/lib/uploads/request";
import { pitchReplySchema } from "@/lib/validation/pitches";

/**
 * POST a recorded answer to a pitch as multipart/form-data (`file` + optional `text`), sent by XHR.
 * Order: parse → authenticate → (service) load → authorise → check content → store → write.
 */
export async function POST(request: Request, { params }: { params: Promise<{ threadId: string }> }) {
  try {
    const { fields, file } = await readUploadForm(request, ["text", "idempotencyKey"]);
    const parsed = pitchReplySchema.safeParse({ ...fields, threadId: (await params).threadId });
    if (!parsed.success) return fieldErrorsResponse(parsed.error);
    const user = await getCurrentUser();
    if (!user) throw new AppError("unauthenticated");
    const result = await replyWithRecording(user, parsed.data, file);
    return NextResponse.json(result, { status: result.isNew ? 201 : 200 });
  } catch (error) {
    return (await refusalResponse(error)) ?? errorResponse(error);
  }
}
