import "server-only";
import { AppError } from "@/lib/errors";

/** Largest JSON body a route accepts: a long post as Tiptap JSON is a few tens of KiB. */
export const JSON_BODY_MAX_BYTES = 256 * 1024;

/** Room for the multipart boundaries, part headers and the small text fields next to a file. */
export const MULTIPART_OVERHEAD_BYTES = 64 * 1024;

/**
 * Reads a request body, refusing it with 413 once it exceeds `maxBytes`: a declared
 * `Content-Length` above the limit is refused before anything is read, and a chunked body is
 * counted while it streams, so an endless body never sits in memory.
 *
 * `drainUpTo`: a body a little over the limit (up to that many bytes) is read to its end and
 * discarded before the 413, because browsers report an answer that comes before the end of
 * their upload as a network error, not as our message. Nothing past `maxBytes` is kept.
 */
export async function readBodyCapped(
  request: Request,
  maxBytes: number,
  { drainUpTo = maxBytes }: { drainUpTo?: number } = {},
): Promise<Uint8Array<ArrayBuffer>> {
  const declared = request.headers.get("content-length");
  if (declared !== null && Number(declared) > Math.max(maxBytes, drainUpTo)) throw new AppError("payload_too_large");
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > Math.max(maxBytes, drainUpTo)) {
      await reader.cancel().catch(() => undefined);
      throw new AppError("payload_too_large");
    }
    if (total <= maxBytes) chunks.push(value);
  }
  if (total > maxBytes) throw new AppError("payload_too_large");
  const body = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

/**
 * Whether the body is declared as exactly `mediaType` (parameters such as `charset` aside):
 * `text/plain; x=application/json` is not JSON, and a cross-site form can send text/plain.
 */
export function hasMediaType(request: Request, mediaType: string): boolean {
  const essence = request.headers.get("content-type")?.split(";", 1)[0]?.trim().toLowerCase();
  return essence === mediaType;
}
