import "server-only";
import { getDb } from "@/lib/db";
import { consumeUserToken, markEmailVerified } from "@/db/queries/users";

/**
 * Confirms an address from the link of the confirmation email. The token is used up in the
 * same transaction that marks the address verified. False for an unknown, used or expired token.
 */
export async function verifyEmailToken(token: string): Promise<boolean> {
  if (token.length < 10 || token.length > 200) return false;
  return getDb().transaction(async (tx) => {
    const userId = await consumeUserToken(tx, { token, kind: "verify_email" });
    if (!userId) return false;
    await markEmailVerified(tx, { userId });
    return true;
  });
}
