import { NextResponse, type NextRequest } from "next/server";
import { getEnv } from "@/lib/env";

/** End-to-end fixture: SQL statements counted for one earlier request (see lib/query-counter.ts). */
export async function GET(request: NextRequest) {
  if (getEnv().E2E_HOOKS !== "1") return new NextResponse(null, { status: 404 });
  const lookup = (globalThis as unknown as { propulseQueryCount?: (id: string) => number | undefined })
    .propulseQueryCount;
  const count = lookup?.(request.nextUrl.searchParams.get("id") ?? "");
  return count === undefined
    ? NextResponse.json({ error: "unknown request" }, { status: 404 })
    : NextResponse.json({ count });
}
