import "server-only";
import type { DbOrTx } from "@/db";
import { getSessionUser, revokeUserSession, touchUserSession } from "@/db/queries/sessions";
import type { User } from "@/db/schema";
import { isSessionActive, sessionEndsAt, shouldTouchSession } from "@/lib/domain/sessions";
import { disconnectSession } from "@/lib/realtime/emit";

export type SessionClaims = { userId: string; sessionId: string | null; sessionVersion: number | undefined };

/**
 * The account a session cookie stands for, or null when that session is over: signed out
 * (revoked), idle or past its absolute limit, voided by a password/role change (session version)
 * or by a suspension. Pages, actions, API routes and sockets all ask this one function.
 */
export async function resolveSession(
  db: DbOrTx,
  claims: SessionClaims,
  now = new Date(),
): Promise<{ user: User; endsAt: Date } | null> {
  if (!claims.sessionId) return null; // A cookie from before per-device sessions: sign in again.
  const found = await getSessionUser(db, { userId: claims.userId, sessionId: claims.sessionId });
  if (!found) return null;
  const { user, session } = found;
  if (user.sessionVersion !== claims.sessionVersion || user.status === "suspended") return null;
  if (!isSessionActive(session, user.role, now)) return null;
  if (shouldTouchSession(session, user.role, now)) {
    await touchUserSession(db, { sessionId: session.id, at: now });
    session.lastSeenAt = now;
  }
  return { user, endsAt: sessionEndsAt(session, user.role) };
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
