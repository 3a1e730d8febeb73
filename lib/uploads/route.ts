import "server-only";
import { translateKey } from "@/lib/i18n/translate-key";
import { NextResponse } from "next/server";
import { getTranslations } from "next-intl/server";
import type { z } from "zod";
import { errorResponse, translateFieldErrors } from "@/lib/api";
import { getCurrentUser, type CurrentUser } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { maxUploadMb, type UploadedFile } from "./limits";
import { isSameOriginUpload, readUploadForm } from "./request";

/** An AppError about one field answers like a field error, so the form shows it next to that field. */
async function uploadErrorResponse(error: unknown): Promise<NextResponse> {
  const field = error instanceof AppError ? error.field : undefined;
  if (!(error instanceof AppError) || !field) return errorResponse(error);
  const t = await getTranslations();
  const message = translateKey(t, error.messageKey, { maxMb: maxUploadMb(), ...error.values });
  return NextResponse.json({ error: error.code, message, fields: { [field]: [message] } }, { status: error.status });
}

type UploadContext = { user: CurrentUser; file: UploadedFile | null; params: Record<string, string> };

/**
 * A multipart upload route (sent by our XHR uploader, for progress) in the house order:
 * origin → authenticate → parse (the body capped while it streams, the named text `fields` +
 * route params through `schema`, the optional `file`) → (the handler) load → authorise → act →
 * respond. Like `jsonRoute`,
 * invalid input gets a 400 with localized messages per field.
 */
export function uploadRoute<S extends z.ZodType, T>(
  { schema, fields }: { schema: S; fields: readonly string[] },
  handler: (input: z.output<S>, ctx: UploadContext) => Promise<{ status?: number; body: T }>,
) {
  return async (request: Request, context: { params: Promise<Record<string, string>> }) => {
    try {
      if (!isSameOriginUpload(request)) throw new AppError("forbidden");
      // Who is calling is known before a byte of the body is read.
      const user = await getCurrentUser();
      if (!user) throw new AppError("unauthenticated");
      const form = await readUploadForm(request, fields);
      const params = (await context?.params) ?? {};
      const parsed = schema.safeParse({ ...form.fields, ...params });
      if (!parsed.success) {
        return NextResponse.json(
          { error: "invalid_request", fields: await translateFieldErrors(parsed.error) },
          { status: 400 },
        );
      }
      const { status = 200, body } = await handler(parsed.data, { user, file: form.file, params });
      return NextResponse.json(body, { status });
    } catch (error) {
      return uploadErrorResponse(error);
    }
  };
}
