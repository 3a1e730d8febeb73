import { z } from "zod";
import { jsonRoute } from "@/lib/api";
import { extendSession } from "@/lib/auth/sessions";
import { contextFor } from "@/lib/context";
import { AppError } from "@/lib/errors";

/** GET /api/session → { endsAt }: the expiry warning checks it first (another tab may have been used). */
export const GET = jsonRoute(z.object({}), async (_input, { user }) => {
  if (!user) throw new AppError("unauthenticated");
  return { body: { endsAt: user.sessionEndsAt.toISOString() } };
});

/** POST /api/session {} → { endsAt }: "Rester connecté·e" records activity on this device's session. */
export const POST = jsonRoute(z.object({}), async (_input, { user }) => {
  if (!user) throw new AppError("unauthenticated");
  const endsAt = await extendSession(contextFor(user).db, { userId: user.id, sessionId: user.sessionId });
  if (!endsAt) throw new AppError("unauthenticated");
  return { body: { endsAt: endsAt.toISOString() } };
});
