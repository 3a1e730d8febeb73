import { NextResponse } from "next/server";
import { getDbHandle } from "@/lib/db";

export const dynamic = "force-dynamic";

/** For load balancers and uptime checks: 200 when the database answers, 503 otherwise. */
export async function GET() {
  let driver: string | undefined;
  try {
    const handle = getDbHandle();
    driver = handle.driver;
    await handle.ping();
    return NextResponse.json({ status: "ok", db: handle.driver });
  } catch (error) {
    console.error("[health] database unreachable:", error instanceof Error ? error.message : error);
    return NextResponse.json({ status: "error", db: driver ?? null, reason: "database unreachable" }, { status: 503 });
  }
}
