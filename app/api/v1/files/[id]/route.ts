import { NextResponse } from "next/server";
import { getCurrentUser } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { readThreadFile } from "@/lib/reviews/service";
import { downloadName, privateDownloadHeaders } from "@/lib/uploads/download-name";
import { parseByteRange } from "@/lib/uploads/range";
import { fileIdSchema } from "@/lib/validation/reviews";
import { contextFor } from "@/lib/context";

const notFound = () => new NextResponse("Not found", { status: 404, headers: { "Cache-Control": "no-store" } });

/**
 * Downloads a reviewed document or a recording. Only people who may read its thread get it; everyone else,
 * visitors included, gets the same 404 (no hint that the file exists). The inline preview
 * (pdf.js) and the audio players fetch the same URL: the attachment disposition only matters
 * to navigations. Byte ranges are answered (206), as Safari requires to play media.
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const parsed = fileIdSchema.safeParse(await params);
  if (!parsed.success) return notFound();
  try {
    const user = await getCurrentUser();
    const { file, bytes } = await readThreadFile(contextFor(user), parsed.data.id);
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
    if (error instanceof AppError && error.code !== "internal") return notFound();
    console.error("[files] download failed:", error);
    return new NextResponse("Internal error", { status: 500 });
  }
}
