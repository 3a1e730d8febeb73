import "server-only";
import { NextResponse } from "next/server";
import type { StoredFile } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { downloadName, privateDownloadHeaders } from "./download-name";
import { parseByteRange } from "./range";

/** The answer for anything the caller may not have: the same as for a file that does not exist. */
export const fileNotFound = () =>
  new NextResponse("Not found", { status: 404, headers: { "Cache-Control": "no-store" } });

/**
 * A private file download (review documents, recordings, message attachments): the checked
 * content type, `attachment` with a cleaned name, private no-store caching and nosniff (via
 * `privateDownloadHeaders`), and byte ranges (206) as Safari requires to play media.
 * `load` throws AppError for refusals: every one of them answers the same 404.
 */
export async function privateFileResponse(
  request: Request,
  load: () => Promise<{ file: Pick<StoredFile, "originalName" | "contentType">; bytes: Uint8Array }>,
  logLabel: string,
): Promise<NextResponse> {
  try {
    const { file, bytes } = await load();
    const fileName = downloadName(file.originalName, file.contentType);
    // Old clients read the plain `filename` (ASCII only); others the UTF-8 `filename*`.
    const asciiName = fileName
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .replace(/[^\w.-]+/g, "_");
    // RFC 5987: encodeURIComponent leaves ' ( ) * as they are, which that syntax does not allow.
    const utf8Name = encodeURIComponent(fileName).replace(
      /['()*]/g,
      (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
    );
    const range = parseByteRange(request.headers.get("range"), bytes.byteLength);
    if (range === "unsatisfiable") {
      return new NextResponse(null, {
        status: 416,
        headers: { "Content-Range": `bytes */${bytes.byteLength}`, "Cache-Control": "private, no-store" },
      });
    }
    const body = range ? bytes.subarray(range.start, range.end + 1) : bytes;
    return new NextResponse(Buffer.from(body), {
      status: range ? 206 : 200,
      headers: {
        ...privateDownloadHeaders({
          contentType: file.contentType,
          byteLength: body.byteLength,
          disposition: `attachment; filename="${asciiName}"; filename*=UTF-8''${utf8Name}`,
        }),
        "Accept-Ranges": "bytes",
        ...(range ? { "Content-Range": `bytes ${range.start}-${range.end}/${bytes.byteLength}` } : {}),
      },
    });
  } catch (error) {
    if (error instanceof AppError && error.code !== "internal") return fileNotFound();
    console.error(`[${logLabel}] download failed:`, error);
    return new NextResponse("Internal error", { status: 500 });
  }
}
