import { NextResponse } from "next/server";
import { z } from "zod";
import { getSessionRemainingMs } from "@/lib/auth/session";
import { jsonRoute } from "@/lib/api";
import { extendSession } from "@/lib/auth/sessions";
import { contextFor } from "@/lib/context";
import { AppError } from "@/lib/errors";

/**
 * GET /api/session → { remainingMs }: what the expiry warning checks before warning (another tab
 * may have been used). Not through jsonRoute: reading the session there counts as activity.
 */
export async function GET() {
  const remainingMs = await getSessionRemainingMs().catch(() => null);
  if (remainingMs === null) return NextResponse.json({ error: "unauthenticated" }, { status: 401 });
  return NextResponse.json({ remainingMs }, { headers: { "Cache-Control": "private, no-store" } });
}

/** POST /api/session {} → { endsAt, remainingMs }: "Rester connecté·e" records activity on this device's session. */
export const POST = jsonRoute(z.object({}), async (_input, { user }) => {
  if (!user) throw new AppError("unauthenticated");
  const endsAt = await extendSession(contextFor(user).db, { userId: user.id, sessionId: user.sessionId });
  if (!endsAt) throw new AppError("unauthenticated");
  return { body: { endsAt: endsAt.toISOString(), remainingMs: endsAt.getTime() - Date.now() } };
});
