import { isStaffRole, type UserRole } from "./users";

/**
 * How long a signed-in device stays signed in. Staff accounts read every CV and moderate: their
 * sessions end sooner. The idle limit can be extended from the warning shown before it (WCAG
 * 2.2.1); the absolute limit is over 20 hours, which that criterion allows without a warning.
 */
export const SESSION_LIMITS = {
  member: { idleMs: 14 * 24 * 3_600_000, absoluteMs: 30 * 24 * 3_600_000 },
  staff: { idleMs: 60 * 60_000, absoluteMs: 24 * 3_600_000 },
} as const;

/** The warning appears this long before the idle limit. */
export const SESSION_WARNING_MS = 2 * 60_000;

export function sessionLimitsFor(role: UserRole) {
  return isStaffRole(role) ? SESSION_LIMITS.staff : SESSION_LIMITS.member;
}

type SessionTimes = { createdAt: Date; lastSeenAt: Date; revokedAt: Date | null };

/** When the session ends if nothing happens: the earlier of its idle and absolute limits. */
export function sessionEndsAt(session: SessionTimes, role: UserRole): Date {
  const { idleMs, absoluteMs } = sessionLimitsFor(role);
  return new Date(Math.min(session.lastSeenAt.getTime() + idleMs, session.createdAt.getTime() + absoluteMs));
}

export function isSessionActive(session: SessionTimes, role: UserRole, now = new Date()): boolean {
  return session.revokedAt === null && now < sessionEndsAt(session, role);
}

/**
 * Whether to record activity now. Writing `last_seen_at` on every request would cost a write per
 * page; a fraction of the idle limit is precise enough (one write every 3 minutes for staff).
 */
export function shouldTouchSession(session: Pick<SessionTimes, "lastSeenAt">, role: UserRole, now = new Date()) {
  return now.getTime() - session.lastSeenAt.getTime() > sessionLimitsFor(role).idleMs / 20;
}
