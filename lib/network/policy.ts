import "server-only";
import { getEnv } from "@/lib/env";
import type { OutboundPolicy } from "@/lib/outbound/public-address";

/** Which addresses may be followed: public https only, plus this machine when NETWORK_ALLOW_LOCAL_SOURCES=1 (tests). */
export function networkPolicy(): OutboundPolicy {
  return { allowLoopback: getEnv().NETWORK_ALLOW_LOCAL_SOURCES === "1" };
}
