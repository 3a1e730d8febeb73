import { NextResponse } from "next/server";
import { errorResponse } from "@/lib/api";
import { getCurrentUser } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { addVersion } from "@/lib/reviews/versions";
import { fieldErrorsResponse, readUploadForm, refusalResponse } from "@/lib/uploads/request";
import { addVersionSchema } from "@/lib/validation/reviews";

/** POST a new version (multipart: `file` or `letterText`), by the request's author. */
export async function POST(request: Request, { params }: { params: Promise<{ threadId: string }> }) {
  try {
    const { fields, file } = await readUploadForm(request, ["letterText"]);
    const parsed = addVersionSchema.safeParse({ threadId: (await params).threadId, ...fields });
    if (!parsed.success) return fieldErrorsResponse(parsed.error);
    const user = await getCurrentUser();
    if (!user) throw new AppError("unauthenticated");
    const added = await addVersion(user, parsed.data, file);
    return NextResponse.json(added, { status: 201 });
  } catch (error) {
    return (await refusalResponse(error)) ?? errorResponse(error);
  }
}
