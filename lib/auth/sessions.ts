import "server-only";
import type { DbOrTx } from "@/db";
import {
  getSessionUser,
  listActiveSessions,
  revokeOtherSessions,
  revokeUserSession,
  touchUserSession,
} from "@/db/queries/sessions";
import type { User } from "@/db/schema";
import { isSessionActive, SESSION_LIMITS, sessionEndsAt, shouldTouchSession } from "@/lib/domain/sessions";
import { isStaffRole } from "@/lib/domain/users";
import { disconnectSession } from "@/lib/realtime/emit";

export type SessionClaims = { userId: string; sessionId: string | null; sessionVersion: number | undefined };

/**
 * The account a session cookie stands for, or null when that session is over: signed out
 * (revoked), idle or past its absolute limit, voided by a password/role change (session version)
 * or by a suspension. Pages, actions, API routes and sockets all ask this one function, so a
 * staff account without two-factor sign-in gets a member's powers everywhere at once.
 */
export async function resolveSession(
  db: DbOrTx,
  claims: SessionClaims,
  now = new Date(),
  /** False for a request the person did not make (the expiry warning checking the time left). */
  { countsAsActivity = true } = {},
): Promise<{ user: User; endsAt: Date; needsTwoFactorSetup: boolean } | null> {
  if (!claims.sessionId) return null; // A cookie from before per-device sessions: sign in again.
  const found = await getSessionUser(db, { userId: claims.userId, sessionId: claims.sessionId });
  if (!found) return null;
  const { user, session } = found;
  if (user.sessionVersion !== claims.sessionVersion || user.status === "suspended") return null;
  if (!isSessionActive(session, user.role, now)) return null;
  if (countsAsActivity && shouldTouchSession(session, user.role, now)) {
    await touchUserSession(db, { sessionId: session.id, at: now });
    session.lastSeenAt = now;
  }
  const endsAt = sessionEndsAt(session, user.role);
  // Staff powers need two-factor sign-in: until it is set up, the account acts as a member.
  if (isStaffRole(user.role) && !user.totpEnabledAt) {
    return { user: { ...user, role: "member" }, endsAt, needsTwoFactorSetup: true };
  }
  return { user, endsAt, needsTwoFactorSetup: false };
}

/** Sign-out: the device's session row is revoked and its live connections closed. */
export async function endSession(db: DbOrTx, sessionId: string): Promise<void> {
  await revokeUserSession(db, { sessionId });
  disconnectSession(sessionId);
}

/** "Rester connecté·e": records activity now and returns the session's new end. */
export async function extendSession(db: DbOrTx, { userId, sessionId }: { userId: string; sessionId: string }) {
  await touchUserSession(db, { sessionId });
  const found = await getSessionUser(db, { userId, sessionId });
  return found ? sessionEndsAt(found.session, found.user.role) : null;
}

/** The account's devices still signed in, this one first, for "Appareils connectés". */
export async function listMyDevices(db: DbOrTx, { userId, sessionId }: { userId: string; sessionId: string }) {
  const since = new Date(Date.now() - SESSION_LIMITS.member.idleMs);
  const rows = await listActiveSessions(db, { userId, since });
  return rows
    .map((row) => ({
      id: row.id,
      userAgent: row.userAgent,
      createdAt: row.createdAt,
      lastSeenAt: row.lastSeenAt,
      isThisDevice: row.id === sessionId,
    }))
    .sort((a, b) => Number(b.isThisDevice) - Number(a.isThisDevice));
}

/** "Se déconnecter des autres appareils": every session but this one ends, sockets included. */
export async function signOutOtherDevices(db: DbOrTx, { userId, sessionId }: { userId: string; sessionId: string }) {
  const ended = await revokeOtherSessions(db, { userId, keepSessionId: sessionId });
  for (const other of ended) disconnectSession(other);
  return ended.length;
}
