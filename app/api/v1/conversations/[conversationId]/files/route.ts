import { contextFor } from "@/lib/context";
import { sendMessageWithFile } from "@/lib/messages/attachments";
import { uploadRoute } from "@/lib/uploads/route";
import { sendMessageFileSchema } from "@/lib/validation/messages";

/**
 * POST a message carrying a file (multipart: `file`, optional `text`, `idempotencyKey`) →
 * 201 `{ message }` (200 when retried). The file is checked by content (PDF or recording).
 */
export const POST = uploadRoute(
  { schema: sendMessageFileSchema, fields: ["text", "idempotencyKey"] },
  async (input, { user, file }) => {
    const { message, isNew } = await sendMessageWithFile(contextFor(user), input, file);
    return { status: isNew ? 201 : 200, body: { message } };
  },
);
