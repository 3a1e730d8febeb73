import { NextResponse } from "next/server";
import { checkDatabase } from "@/lib/health";

export const dynamic = "force-dynamic";

/** For load balancers and uptime checks: 200 when the database answers, 503 otherwise. */
export async function GET() {
  const health = await checkDatabase();
  if (health.ok) return NextResponse.json({ status: "ok", db: health.driver });
  console.error("[health] database unreachable:", health.error instanceof Error ? health.error.message : health.error);
  return NextResponse.json({ status: "error", db: health.driver, reason: "database unreachable" }, { status: 503 });
}
