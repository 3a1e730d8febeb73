import "server-only";
import { getDb } from "@/lib/db";
import { createUser } from "@/db/queries/users";
import { hashPassword } from "@/lib/auth/password";
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
}) {
  const { password, ...rest } = input;
  return createUser(getDb(), { ...rest, passwordHash: await hashPassword(password), emailVerified: new Date() });
}
