import { getCurrentUser } from "@/lib/auth/session";
import { contextFor } from "@/lib/context";
import { AppError } from "@/lib/errors";
import { activityIcs } from "@/lib/rhythm/calendar";
import { activityIdSchema } from "@/lib/validation/rhythm";

/** GET /activites/:id/ics — the activity as the reader may see it (the visio link for participants only). */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const parsed = activityIdSchema.safeParse((await params).id);
  const user = await getCurrentUser();
  if (!user) return new Response("Unauthorized", { status: 401 });
  if (!parsed.success) return new Response("Not found", { status: 404 });
  try {
    const body = await activityIcs(contextFor(user), parsed.data);
    return new Response(body, {
      headers: {
        "Content-Type": "text/calendar; charset=utf-8",
        "Content-Disposition": `attachment; filename="activite-${parsed.data}.ics"`,
        "Cache-Control": "private, no-store",
      },
    });
  } catch (error) {
    if (error instanceof AppError) return new Response(error.code, { status: error.status });
    throw error;
  }
}
