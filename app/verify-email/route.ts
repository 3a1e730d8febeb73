import { NextResponse, type NextRequest } from "next/server";
import { verifyEmailToken } from "@/lib/auth/verify-email";

/** The link from the confirmation email: confirms the address, then sends the member to sign in. */
export async function GET(request: NextRequest) {
  const token = request.nextUrl.searchParams.get("token") ?? "";
  const isVerified = await verifyEmailToken(token);
  return NextResponse.redirect(new URL(`/sign-in?verified=${isVerified ? 1 : 0}`, request.nextUrl));
}
