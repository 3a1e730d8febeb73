import { NextResponse, type NextRequest } from "next/server";
import { getDb } from "@/lib/db";
import { consumeUserToken, markEmailVerified } from "@/db/queries/users";

/** The link from the confirmation email: confirms the address, then sends the member to sign in. */
export async function GET(request: NextRequest) {
  const token = request.nextUrl.searchParams.get("token") ?? "";
  let isVerified = false;
  if (token.length >= 10 && token.length <= 200) {
    const db = getDb();
    isVerified = await db.transaction(async (tx) => {
      const userId = await consumeUserToken(tx, { token, kind: "verify_email" });
      if (!userId) return false;
      await markEmailVerified(tx, { userId });
      return true;
    });
  }
  return NextResponse.redirect(new URL(`/sign-in?verified=${isVerified ? 1 : 0}`, request.nextUrl));
}
