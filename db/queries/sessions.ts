import { randomBytes } from "node:crypto";
import { and, desc, eq, isNull, lt, ne, or, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { userSessions, users, type User, type UserSession } from "@/db/schema";

/** A new signed-in device; its id goes into the session cookie. */
export async function createUserSession(
  db: DbOrTx,
  { userId, userAgent }: { userId: string; userAgent: string | null },
): Promise<string> {
  const id = randomBytes(24).toString("base64url");
  await db.insert(userSessions).values({ id, userId, userAgent: userAgent?.slice(0, 300) ?? null });
  return id;
}

/** The account and the session its cookie names, in one query (every request reads both). */
export async function getSessionUser(
  db: DbOrTx,
  { userId, sessionId }: { userId: string; sessionId: string },
): Promise<{ user: User; session: UserSession } | null> {
  const [row] = await db
    .select({ user: users, session: userSessions })
    .from(users)
    .innerJoin(userSessions, and(eq(userSessions.userId, users.id), eq(userSessions.id, sessionId)))
    .where(eq(users.id, userId))
    .limit(1);
  return row ?? null;
}

export async function touchUserSession(db: DbOrTx, { sessionId, at = new Date() }: { sessionId: string; at?: Date }) {
  await db
    .update(userSessions)
    .set({ lastSeenAt: at })
    .where(and(eq(userSessions.id, sessionId), isNull(userSessions.revokedAt)));
}

/** Signs one device out for good; returns whether it was still active. */
export async function revokeUserSession(db: DbOrTx, { sessionId }: { sessionId: string }): Promise<boolean> {
  const rows = await db
    .update(userSessions)
    .set({ revokedAt: new Date() })
    .where(and(eq(userSessions.id, sessionId), isNull(userSessions.revokedAt)))
    .returning({ id: userSessions.id });
  return rows.length > 0;
}

/** "Se déconnecter des autres appareils": every session of the account but this one. */
export async function revokeOtherSessions(
  db: DbOrTx,
  { userId, keepSessionId }: { userId: string; keepSessionId: string },
): Promise<string[]> {
  const rows = await db
    .update(userSessions)
    .set({ revokedAt: new Date() })
    .where(and(eq(userSessions.userId, userId), ne(userSessions.id, keepSessionId), isNull(userSessions.revokedAt)))
    .returning({ id: userSessions.id });
  return rows.map((row) => row.id);
}

/** The account's devices still signed in (newest activity first), for the settings page. */
export async function listActiveSessions(db: DbOrTx, { userId, since }: { userId: string; since: Date }) {
  return db
    .select()
    .from(userSessions)
    .where(
      and(eq(userSessions.userId, userId), isNull(userSessions.revokedAt), sql`${userSessions.lastSeenAt} >= ${since}`),
    )
    .orderBy(desc(userSessions.lastSeenAt))
    .limit(50);
}

/** Forgets sessions that ended (revoked or idle) before `before`: they can never come back. */
export async function purgeEndedSessions(db: DbOrTx, { before }: { before: Date }): Promise<number> {
  const rows = await db
    .delete(userSessions)
    .where(or(lt(userSessions.revokedAt, before), lt(userSessions.lastSeenAt, before)))
    .returning({ id: userSessions.id });
  return rows.length;
}
