import { NextResponse } from "next/server";
import { z } from "zod";
import { getCurrentUser } from "@/lib/auth/session";
import { ageTestSession } from "@/lib/auth/test-accounts";
import { getEnv } from "@/lib/env";

const bodySchema = z.object({
  idleMinutes: z
    .number()
    .min(0)
    .max(60 * 24 * 60),
});

/**
 * End-to-end fixture: makes the caller's own session look idle for a while, so the expiry
 * warning can be tested against the real server clock. Exists only with E2E_HOOKS=1.
 */
export async function POST(request: Request) {
  if (getEnv().E2E_HOOKS !== "1") return new NextResponse(null, { status: 404 });
  const user = await getCurrentUser();
  if (!user) return new NextResponse(null, { status: 401 });
  const parsed = bodySchema.safeParse(await request.json().catch(() => null));
  if (!parsed.success) return NextResponse.json({ error: "idleMinutes" }, { status: 400 });
  await ageTestSession(user.sessionId, parsed.data.idleMinutes * 60_000);
  return new NextResponse(null, { status: 204 });
}
