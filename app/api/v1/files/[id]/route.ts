import { getCurrentUser } from "@/lib/auth/session";
import { contextFor } from "@/lib/context";
import { readThreadFile } from "@/lib/reviews/service";
import { fileNotFound, privateFileResponse } from "@/lib/uploads/file-response";
import { fileIdSchema } from "@/lib/validation/reviews";

/**
 * Downloads a reviewed document or a recording. Only people who may read its thread get it; everyone else,
 * visitors included, gets the same 404 (no hint that the file exists). The inline preview
 * (pdf.js) and the audio players fetch the same URL: the attachment disposition only matters
 * to navigations. Byte ranges are answered (206), as Safari requires to play media.
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const parsed = fileIdSchema.safeParse(await params);
  if (!parsed.success) return fileNotFound();
  return privateFileResponse(
    request,
    async () => readThreadFile(contextFor(await getCurrentUser()), parsed.data.id),
    "files",
  );
}
