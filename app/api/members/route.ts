import { NextResponse, type NextRequest } from "next/server";
import { z } from "zod";
import { getCurrentUser } from "@/lib/auth/session";
import { canSearchMembers } from "@/lib/permissions";
import { findMembersByName } from "@/lib/profile/service";

const querySchema = z.object({ q: z.string().trim().min(1).max(60) });

/** Mention autocomplete: GET /api/members?q=cam → [{ id, name, role, organisation }]. */
export async function GET(request: NextRequest) {
  const parsed = querySchema.safeParse({ q: request.nextUrl.searchParams.get("q") ?? "" });
  if (!parsed.success)
    return NextResponse.json(
      { error: "invalid_query", fields: z.flattenError(parsed.error).fieldErrors },
      { status: 400 },
    );
  const user = await getCurrentUser();
  if (!canSearchMembers(user)) return NextResponse.json({ error: "unauthenticated" }, { status: 401 });
  const members = await findMembersByName(parsed.data.q);
  return NextResponse.json(members, { headers: { "Cache-Control": "private, max-age=30" } });
}
