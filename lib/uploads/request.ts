import { NextResponse } from "next/server";
import { getTranslations } from "next-intl/server";
import type { z } from "zod";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";

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
  const t = await getTranslations();
  const fields: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "_request";
    const message = /^[a-z]+(?:\.[A-Za-z_]+)+$/.test(issue.message) ? t(issue.message) : issue.message;
    (fields[key] ??= []).push(message);
  }
  return NextResponse.json({ error: "invalid_request", fields }, { status: 400 });
}

/** File refusals answer like a field error on `file`, so the form shows them next to the picker. */
export async function refusalResponse(error: unknown): Promise<NextResponse | null> {
  if (!(error instanceof AppError) || !/^review\.(?:pitch\.)?(?:refused|file|audio)/.test(error.messageKey)) return null;
  const t = await getTranslations();
  const message = t(error.messageKey, { maxMb: Math.round((getEnv().UPLOAD_MAX_BYTES / 1048576) * 10) / 10, ...error.values });
  return NextResponse.json({ error: error.code, message, fields: { file: [message] } }, { status: error.status });
}
