import { NextResponse } from "next/server";
import { getEnv } from "@/lib/env";

/** End-to-end fixture: the server process's resident memory, to show a large request left it flat. */
export async function GET() {
  if (getEnv().E2E_HOOKS !== "1") return new NextResponse(null, { status: 404 });
  return NextResponse.json({ rss: process.memoryUsage().rss }, { headers: { "Cache-Control": "no-store" } });
}
