import "server-only";
import { and, asc, eq, isNull, ne, or, sql } from "drizzle-orm";
import type { UserRole, UserStatus } from "@/lib/domain/users";
import type { DbOrTx } from "../client";
import { users } from "../schema";
import { insertAudit } from "./audit";
import { afterNameKeyset, decodeNameKeyset, encodeNameKeyset, toKeysetPage } from "./keyset";

export const STAFF_USERS_PAGE_SIZE = 30;

export type StaffUserItem = {
  id: string;
  name: string;
  email: string;
  role: UserRole;
  status: UserStatus;
  organisation: string | null;
  suspendedUntil: Date | null;
  suspensionReason: string | null;
  createdAt: Date;
};

/**
 * Accounts for the facilitators' members page, by name, filtered by a search on name or email
 * and by status; keyset pagination on (lower(name), id).
 */
export async function listUsersForStaff(
  db: DbOrTx,
  params: { query?: string; status?: UserStatus; cursor?: string; limit?: number },
): Promise<{ items: StaffUserItem[]; nextCursor: string | null }> {
  const limit = params.limit ?? STAFF_USERS_PAGE_SIZE;
  const pattern = params.query ? `%${params.query.replace(/[\\%_]/g, (char) => `\\${char}`)}%` : null;
  const rows = await db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      role: users.role,
      status: users.status,
      organisation: users.organisation,
      suspendedUntil: users.suspendedUntil,
      suspensionReason: users.suspensionReason,
      createdAt: users.createdAt,
    })
    .from(users)
    .where(
      and(
        pattern ? or(sql`${users.name} ilike ${pattern}`, sql`${users.email} ilike ${pattern}`) : undefined,
        params.status ? eq(users.status, params.status) : undefined,
        // Erased accounts are tombstones ("Ancien membre"), nothing left to moderate.
        isNull(users.erasedAt),
        afterNameKeyset(users.name, users.id, decodeNameKeyset(params.cursor)),
      ),
    )
    .orderBy(sql`lower(${users.name})`, asc(users.id))
    .limit(limit + 1);
  return toKeysetPage(rows, limit, encodeNameKeyset);
}

/**
 * Suspends an account (again: a new reason or end date replaces the old ones). Bumping the
 * session version ends every session on its next request.
 */
export async function suspendUser(
  db: DbOrTx,
  params: { userId: string; actorId: string; reason: string; until: Date | null },
) {
  return db.transaction(async (tx) => {
    const [user] = await tx
      .update(users)
      .set({
        status: "suspended",
        suspendedUntil: params.until,
        suspensionReason: params.reason,
        sessionVersion: sql`${users.sessionVersion} + 1`,
        updatedAt: new Date(),
      })
      .where(and(eq(users.id, params.userId), ne(users.id, params.actorId)))
      .returning({ id: users.id, name: users.name, email: users.email, locale: users.locale });
    if (!user) return null;
    await insertAudit(tx, {
      actorId: params.actorId,
      action: "user.suspend",
      targetType: "user",
      targetId: user.id,
      targetUserId: user.id,
      reason: params.reason,
      details: { until: params.until?.toISOString() ?? null },
    });
    return user;
  });
}

/** Lifts a suspension. `actorId` null: the end date passed (lifted at sign-in, not audited as a person's act). */
export async function unsuspendUser(
  db: DbOrTx,
  params: { userId: string; actorId: string | null; reason: string | null },
) {
  return db.transaction(async (tx) => {
    const [user] = await tx
      .update(users)
      .set({ status: "active", suspendedUntil: null, suspensionReason: null, updatedAt: new Date() })
      .where(and(eq(users.id, params.userId), eq(users.status, "suspended")))
      .returning({ id: users.id });
    if (!user) return null;
    if (params.actorId) {
      await insertAudit(tx, {
        actorId: params.actorId,
        action: "user.unsuspend",
        targetType: "user",
        targetId: user.id,
        targetUserId: user.id,
        reason: params.reason,
      });
    }
    return user;
  });
}

/** Changes a role; `endSessions` (a demotion) also voids the account's sessions. */
export async function changeUserRole(
  db: DbOrTx,
  params: { userId: string; actorId: string; role: UserRole; reason: string | null; endSessions: boolean },
) {
  return db.transaction(async (tx) => {
    const [before] = await tx.select({ role: users.role }).from(users).where(eq(users.id, params.userId)).for("update");
    if (!before || before.role === params.role) return null;
    const [user] = await tx
      .update(users)
      .set({
        role: params.role,
        updatedAt: new Date(),
        ...(params.endSessions ? { sessionVersion: sql`${users.sessionVersion} + 1` } : {}),
      })
      .where(and(eq(users.id, params.userId), ne(users.id, params.actorId)))
      .returning({ id: users.id, role: users.role });
    if (!user) return null;
    await insertAudit(tx, {
      actorId: params.actorId,
      action: "user.role",
      targetType: "user",
      targetId: user.id,
      targetUserId: user.id,
      reason: params.reason,
      details: { from: before.role, to: params.role },
    });
    return { ...user, previousRole: before.role };
  });
}
