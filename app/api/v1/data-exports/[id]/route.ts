import { NextResponse } from "next/server";
import { z } from "zod";
import { getCurrentUser } from "@/lib/auth/session";
import { contextFor } from "@/lib/context";
import { readMyExport } from "@/lib/data-ownership/export";
import { AppError } from "@/lib/errors";
import { privateDownloadHeaders } from "@/lib/uploads/download-name";

const notFound = () => new NextResponse("Not found", { status: 404, headers: { "Cache-Control": "no-store" } });
const paramsSchema = z.object({ id: z.uuid() });

/**
 * Downloads a data export: only its member, signed in, until it expires; anyone else (another
 * member, staff, a visitor) gets the same 404.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const parsed = paramsSchema.safeParse(await params);
  if (!parsed.success) return notFound();
  try {
    const { bytes, createdAt } = await readMyExport(contextFor(await getCurrentUser()), parsed.data);
    const name = `propulse-mes-donnees-${createdAt.toISOString().slice(0, 10)}.zip`;
    return new NextResponse(Buffer.from(bytes), {
      headers: privateDownloadHeaders({
        contentType: "application/zip",
        byteLength: bytes.byteLength,
        disposition: `attachment; filename="${name}"`,
      }),
    });
  } catch (error) {
    if (error instanceof AppError && error.code !== "internal") return notFound();
    console.error("[data-export] download failed:", error);
    return new NextResponse("Error", { status: 500, headers: { "Cache-Control": "no-store" } });
  }
}
