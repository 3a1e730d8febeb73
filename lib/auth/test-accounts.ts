import "server-only";
import { getDb } from "@/lib/db";
import { createUser } from "@/db/queries/users";
import { touchUserSession } from "@/db/queries/sessions";
import { enableTotp, proposeTotpSecret } from "@/db/queries/two-factor";
import { hashPassword } from "@/lib/auth/password";
import { newTotpSecret, sealSecret } from "@/lib/auth/totp";
import { isStaffRole } from "@/lib/domain/users";
import type { UserRole, UserStatus } from "@/lib/permissions/roles";

/**
 * An account whose address counts as verified, for end-to-end specs that seed their own users
 * (app/api/test/users, which answers only when E2E_HOOKS=1). Null when the email is taken.
 */
export async function createVerifiedTestAccount(input: {
  name: string;
  email: string;
  password: string;
  role: UserRole;
  status: UserStatus;
  /** Staff accounts get two-factor sign-in already set up (its secret is returned) unless false. */
  twoFactor?: boolean;
}) {
  const { password, twoFactor, ...rest } = input;
  const db = getDb();
  const user = await createUser(db, { ...rest, passwordHash: await hashPassword(password), emailVerified: new Date() });
  if (!user || !(twoFactor ?? isStaffRole(user.role))) return user && { ...user, totpSecret: null };
  const totpSecret = newTotpSecret();
  await proposeTotpSecret(db, { userId: user.id, sealedSecret: sealSecret(totpSecret) });
  await enableTotp(db, { userId: user.id, codeHashes: [] });
  return { ...user, totpSecret };
}

/** End-to-end fixture: the signed-in device's session as if it had been idle for `idleMs`. */
export async function ageTestSession(sessionId: string, idleMs: number) {
  await touchUserSession(getDb(), { sessionId, at: new Date(Date.now() - idleMs) });
}
