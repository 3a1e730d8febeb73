import "server-only";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { isCrossSiteRequest } from "@/lib/origin";
import { hasMediaType, MULTIPART_OVERHEAD_BYTES, readBodyCapped } from "@/lib/request-body";
import { maxUploadMb, type UploadedFile } from "./limits";

/** Header our upload form sends; a cross-site form cannot set it without a CORS preflight. */
export const UPLOAD_HEADER = "x-propulse-upload";

/**
 * Multipart bodies can be posted by any site's form, unlike JSON: uploads must carry our
 * header (which needs a CORS preflight cross-site), must not come from another site (`Origin`,
 * `Sec-Fetch-Site`) and must be exactly `multipart/form-data`.
 */
export function isSameOriginUpload(request: Request): boolean {
  if (request.headers.get(UPLOAD_HEADER) !== "1") return false;
  return !isCrossSiteRequest(request.headers, getEnv()) && hasMediaType(request, "multipart/form-data");
}

/**
 * How many bytes of an oversized upload are still read (and thrown away) before the 413: a file
 * a few times the limit gets our message in the form instead of a browser network error.
 */
const DRAIN_FACTOR = 4;

/**
 * Reads an upload form posted by our XHR uploader, once the caller is authenticated: the body
 * is capped at `UPLOAD_MAX_BYTES` plus the multipart overhead while it streams (413, answered
 * as an error of the `file` field), then the named text fields and the optional `file`.
 * Throws AppError; `uploadRoute` answers it.
 */
export async function readUploadForm(request: Request, fieldNames: readonly string[]) {
  const maxBytes = getEnv().UPLOAD_MAX_BYTES + MULTIPART_OVERHEAD_BYTES;
  const bytes = await readBodyCapped(request, maxBytes, { drainUpTo: maxBytes * DRAIN_FACTOR }).catch((error) => {
    if (error instanceof AppError && error.code === "payload_too_large") {
      throw new AppError("payload_too_large", "review.refusedTooLarge", {
        values: { maxMb: maxUploadMb() },
        field: "file",
      });
    }
    throw error;
  });
  const contentType = request.headers.get("content-type") ?? "";
  const form = await new Response(bytes, { headers: { "content-type": contentType } }).formData().catch(() => null);
  if (!form) throw new AppError("bad_request");
  const fields = Object.fromEntries(fieldNames.map((name) => [name, form.get(name) ?? undefined]));
  const entry = form.get("file");
  const file: UploadedFile | null =
    entry instanceof File ? { bytes: new Uint8Array(await entry.arrayBuffer()), name: entry.name } : null;
  return { fields, file };
}
