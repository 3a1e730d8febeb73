import type { NextRequest } from "next/server";
import { handlers } from "@/lib/auth";
import { getCurrentUser } from "@/lib/auth/session";

export const { POST } = handlers;

/**
 * Auth.js answers `/api/auth/session` from the cookie alone; a signed-out, expired or voided
 * session must not read as signed in (nor reveal the name and e-mail it carries).
 */
export async function GET(request: NextRequest) {
  if (request.nextUrl.pathname.endsWith("/session") && !(await getCurrentUser())) {
    return Response.json(null, { headers: { "Cache-Control": "no-store" } });
  }
  return handlers.GET(request);
}
