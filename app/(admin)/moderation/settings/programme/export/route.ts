import { errorResponse } from "@/lib/api";
import { getCurrentUser } from "@/lib/auth/session";
import { contextFor } from "@/lib/context";
import { exportProgramme } from "@/lib/moderation/programme";

/**
 * GET /moderation/settings/programme/export — the programme as a template file to download (admins;
 * 404 for everyone else). Never stored by the browser or a shared cache.
 */
export async function GET() {
  try {
    const file = await exportProgramme(contextFor(await getCurrentUser()));
    return new Response(file.body, {
      headers: {
        "Content-Type": "application/json; charset=utf-8",
        "Content-Disposition": `attachment; filename="${file.filename}"`,
        "Cache-Control": "no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  } catch (error) {
    const response = await errorResponse(error);
    response.headers.set("Cache-Control", "no-store");
    return response;
  }
}
