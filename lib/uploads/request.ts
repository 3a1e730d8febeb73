import "server-only";
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

/**
 * Bodies far above the limit are refused before being read. Slightly oversized ones are read,
 * then refused by the content check: answering before the body is consumed makes browsers
 * report a network error instead of our message.
 */
const EARLY_REFUSAL_FACTOR = 4;

/**
 * Reads an upload form posted by our XHR uploader: origin check, early size refusal, then the
 * named text fields and the optional `file`. Throws AppError; `uploadRoute` answers it.
 */
export async function readUploadForm(request: Request, fieldNames: readonly string[]) {
  if (!isSameOriginUpload(request)) throw new AppError("forbidden");
  if (Number(request.headers.get("content-length") ?? "0") > getEnv().UPLOAD_MAX_BYTES * EARLY_REFUSAL_FACTOR) {
    throw new AppError("bad_request", "review.refusedTooLarge", { values: { maxMb: maxUploadMb() }, field: "file" });
  }
  const form = await request.formData().catch(() => null);
  if (!form) throw new AppError("bad_request");
  const fields = Object.fromEntries(fieldNames.map((name) => [name, form.get(name) ?? undefined]));
  const entry = form.get("file");
  const file: UploadedFile | null =
    entry instanceof File ? { bytes: new Uint8Array(await entry.arrayBuffer()), name: entry.name } : null;
  return { fields, file };
}
