import { NextResponse } from "next/server";
import { checkDatabase } from "@/lib/health";
import { getLiveChannelHealth } from "@/lib/realtime/channel-health";

export const dynamic = "force-dynamic";

/**
 * For load balancers and uptime checks. 503 "error" when the database does not answer; 200
 * "degraded" when it does but live events between instances are interrupted (pages and writes
 * work, other instances' events do not arrive until the channel reconnects); 200 "ok" otherwise.
 */
export async function GET() {
  const health = await checkDatabase();
  const channel = getLiveChannelHealth();
  const live = channel ? { adapter: channel.adapter, status: channel.isUp ? "ok" : "down" } : undefined;
  if (!health.ok) {
    console.warn("[health] database unreachable:", health.error instanceof Error ? health.error.message : health.error);
    return NextResponse.json(
      { status: "error", db: health.driver, reason: "database unreachable", live },
      { status: 503, headers: { "Retry-After": "5" } },
    );
  }
  return NextResponse.json({ status: live?.status === "down" ? "degraded" : "ok", db: health.driver, live });
}
