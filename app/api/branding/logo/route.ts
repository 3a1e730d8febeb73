import { z } from "zod";
import { errorResponse } from "@/lib/api";
import { readLogo, replaceLogo } from "@/lib/branding/service";
import { contextFor } from "@/lib/context";
import { AppError } from "@/lib/errors";
import { uploadRoute } from "@/lib/uploads/route";

/**
 * The community's logo (also its favicon and manifest icon): public, served with the type found
 * in its bytes when it was uploaded, never sniffed, and inert if opened on its own.
 */
export async function GET() {
  try {
    const logo = await readLogo();
    if (!logo) throw new AppError("not_found");
    return new Response(Buffer.from(logo.bytes), {
      headers: {
        "Content-Type": logo.contentType,
        "Content-Length": String(logo.bytes.byteLength),
        "X-Content-Type-Options": "nosniff",
        // The page links the logo with its key in the query: a new logo is a new URL.
        "Cache-Control": "public, max-age=3600",
        "Content-Security-Policy": "default-src 'none'; sandbox",
      },
    });
  } catch (error) {
    return errorResponse(error);
  }
}

/** Replaces the logo (admins; checked by content in the service). */
export const POST = uploadRoute({ schema: z.object({}), fields: [] }, async (_input, { user, file }) => {
  if (!file) throw new AppError("bad_request", "branding.logoRefused.empty", { field: "file" });
  const logo = await replaceLogo(contextFor(user), file.bytes);
  return { body: { ok: true, logo } };
});
