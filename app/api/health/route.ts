import { NextResponse } from "next/server";
import { getDiskHealth } from "@/lib/disk-space";
import { checkDatabase } from "@/lib/health";
import { getLiveChannelHealth } from "@/lib/realtime/channel-health";

export const dynamic = "force-dynamic";

/**
 * For load balancers and uptime checks. 503 "error" when the database does not answer; 200
 * "degraded" when it does but live events between instances are interrupted (pages and writes
 * work, other instances' events do not arrive until the channel reconnects), or when free space
 * under DATA_DIR is below DISK_MIN_FREE_MB (reads work, writes answer 507); 200 "ok" otherwise.
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
  // Only shown when low: the usual answer stays as short as before.
  const disk = getDiskHealth();
  const reasons = [
    ...(live?.status === "down" ? ["live events between instances interrupted"] : []),
    ...(disk?.status === "low" ? [`free disk space under DATA_DIR below ${disk.minFreeMB} MB: writes refused`] : []),
  ];
  if (!reasons.length) return NextResponse.json({ status: "ok", db: health.driver, live });
  return NextResponse.json({
    status: "degraded",
    reason: reasons.join("; "),
    db: health.driver,
    live,
    ...(disk?.status === "low" ? { disk } : {}),
  });
}
