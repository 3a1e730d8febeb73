import { getCurrentUser } from "@/lib/auth/session";
import { contextFor } from "@/lib/context";
import { readMessageFile } from "@/lib/messages/attachments";
import { fileNotFound, privateFileResponse } from "@/lib/uploads/file-response";
import { messageFileIdSchema } from "@/lib/validation/messages";

/**
 * Downloads a file a private message carries, with the review files' headers. Only the
 * conversation's current participants get it; everyone else (visitors, facilitators, someone
 * who left, a guessed id) gets the same 404 as for a file that does not exist.
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const parsed = messageFileIdSchema.safeParse(await params);
  if (!parsed.success) return fileNotFound();
  return privateFileResponse(
    request,
    async () => readMessageFile(contextFor(await getCurrentUser()), parsed.data.id),
    "message-files",
  );
}
