import { contextFor } from "@/lib/context";
import { calendarFeedIcs } from "@/lib/rhythm/calendar";

/**
 * GET /calendrier/:token.ics — a member's private calendar, read by calendar apps (no cookie:
 * the unguessable token is the credential; making a new one revokes it).
 */
export async function GET(_request: Request, { params }: { params: Promise<{ token: string }> }) {
  const token = (await params).token.replace(/\.ics$/, "");
  const body = await calendarFeedIcs(contextFor(null), token);
  if (body === null) return new Response("Not found", { status: 404 });
  return new Response(body, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Cache-Control": "private, max-age=300",
      "Referrer-Policy": "no-referrer",
    },
  });
}
