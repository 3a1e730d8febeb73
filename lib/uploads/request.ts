import { NextResponse } from "next/server";
import { getTranslations } from "next-intl/server";
import type { z } from "zod";
import { translateFieldErrors } from "@/lib/api";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { maxUploadMb, type UploadedFile } from "./limits";

/** Header our upload form sends; a cross-site form cannot set it without a CORS preflight. */
export const UPLOAD_HEADER = "x-propulse-upload";

/**
 * Multipart bodies can be posted by any site's form, unlike JSON: uploads must carry our
 * header and, when the browser says where it comes from, come from our own origin.
 */
export function isSameOriginUpload(request: Request): boolean {
  if (request.headers.get(UPLOAD_HEADER) !== "1") return false;
  const origin = request.headers.get("origin");
  if (!origin) return true;
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

/** 400 with one localized message per field, like lib/api jsonRoute. */
export async function fieldErrorsResponse(error: z.ZodError): Promise<NextResponse> {
  return NextResponse.json({ error: "invalid_request", fields: await translateFieldErrors(error) }, { status: 400 });
}

/**
 * Bodies far above the limit are refused before being read. Slightly oversized ones are read,
 * then refused by the content check: answering before the body is consumed makes browsers
 * report a network error instead of our message.
 */
const EARLY_REFUSAL_FACTOR = 4;

/**
 * Reads an upload form posted by our XHR uploader: origin check, early size refusal, then the
 * named text fields and the optional `file`. Throws AppError; routes answer with refusalResponse.
 */
export async function readUploadForm(request: Request, fieldNames: readonly string[]) {
  if (!isSameOriginUpload(request)) throw new AppError("forbidden");
  if (Number(request.headers.get("content-length") ?? "0") > getEnv().UPLOAD_MAX_BYTES * EARLY_REFUSAL_FACTOR) {
    throw new AppError("bad_request", "review.refusedTooLarge", { values: { maxMb: maxUploadMb() } });
  }
  const form = await request.formData().catch(() => null);
  if (!form) throw new AppError("bad_request");
  const fields = Object.fromEntries(fieldNames.map((name) => [name, form.get(name) ?? undefined]));
  const entry = form.get("file");
  const file: UploadedFile | null =
    entry instanceof File ? { bytes: new Uint8Array(await entry.arrayBuffer()), name: entry.name } : null;
  return { fields, file };
}

/** File refusals answer like a field error on `file`, so the form shows them next to the picker. */
export async function refusalResponse(error: unknown): Promise<NextResponse | null> {
  if (!(error instanceof AppError) || !/^review\.(?:pitch\.)?(?:refused|file|audio)/.test(error.messageKey))
    return null;
  const t = await getTranslations();
  const message = t(error.messageKey, { maxMb: maxUploadMb(), ...error.values });
  return NextResponse.json({ error: error.code, message, fields: { file: [message] } }, { status: error.status });
}
