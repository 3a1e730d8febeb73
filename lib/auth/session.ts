import "server-only";
import { cache } from "react";
import { getDb } from "@/lib/db";
import { getUserById } from "@/db/queries/users";
import type { User } from "@/db/schema";
import { auth } from "./index";
import { resolveSession, type SessionClaims } from "./sessions";

export type CurrentUser = Pick<
  User,
  "id" | "name" | "email" | "role" | "status" | "organisation" | "headline" | "locale" | "createdAt"
> & {
  /** This device's session (`user_sessions` row) and when it ends unless used (idle or absolute limit). */
  sessionId: string;
  sessionEndsAt: Date;
  /** How long until then, measured on the server's clock when the request was read. */
  sessionRemainingMs: number;
  /** A facilitator or admin who has not set up two-factor sign-in yet: acting as a member until then. */
  needsTwoFactorSetup: boolean;
};

/**
 * The signed-in account for this request, or null. JWTs cannot be revoked on their own, so
 * every read checks the device's session row and the account (`resolveSession`): a sign-out,
 * an idle or expired session, a suspension, role change or password change ends it on the very
 * next request.
 */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const claims = await cookieClaims();
  const resolved = claims && (await resolveSession(getDb(), claims));
  if (!claims || !resolved) return null;
  const { user, endsAt, needsTwoFactorSetup } = resolved;
  return {
    needsTwoFactorSetup,
    sessionId: claims.sessionId!,
    sessionEndsAt: endsAt,
    sessionRemainingMs: endsAt.getTime() - Date.now(),
    id: user.id,
    name: user.name,
    email: user.email,
    role: user.role,
    status: user.status,
    organisation: user.organisation,
    headline: user.headline,
    locale: user.locale,
    createdAt: user.createdAt,
  };
});

/**
 * A visitor whose session cookie belongs to a suspended account: the suspension ended the
 * session, so they browse as a visitor, but members-only pages tell them why instead of
 * inviting them to join or sign in (which would not help).
 */
export const isSuspendedVisitor = cache(async (): Promise<boolean> => {
  const claims = await cookieClaims();
  if (!claims || (await getCurrentUser())) return false;
  const account = await getUserById(getDb(), { id: claims.userId });
  return account?.status === "suspended";
});

/**
 * How long this device's session has left, without counting the question as activity: the
 * expiry warning asks it before warning, and must not keep an idle session alive by asking.
 */
export async function getSessionRemainingMs(): Promise<number | null> {
  const claims = await cookieClaims();
  const resolved = claims && (await resolveSession(getDb(), claims, new Date(), { countsAsActivity: false }));
  return resolved ? resolved.endsAt.getTime() - Date.now() : null;
}

/** What the session cookie says (account, device session, version), or null without one. */
async function cookieClaims(): Promise<SessionClaims | null> {
  const session = await auth();
  const userId = session?.user?.id;
  return userId ? { userId, sessionId: session.sessionId, sessionVersion: session.sessionVersion } : null;
}
