import { NextResponse } from "next/server";
import { CLIENT_ADDRESS_HEADER } from "@/lib/client-address";
import { getEnv } from "@/lib/env";

/**
 * End-to-end fixture: the client address the server worked out for this request (from the
 * connection, or from `X-Forwarded-For` when `TRUST_PROXY` allows it). Exists only with E2E_HOOKS=1.
 */
export async function GET(request: Request) {
  if (getEnv().E2E_HOOKS !== "1") return new NextResponse(null, { status: 404 });
  return NextResponse.json({ address: request.headers.get(CLIENT_ADDRESS_HEADER) });
}
