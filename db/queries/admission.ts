import { createHash, randomBytes } from "node:crypto";
import { and, asc, desc, eq, gt, isNull, or, sql } from "drizzle-orm";
import type { DbOrTx } from "../client";
import { admissionRequests, invitations, users, type AdmissionAnswer, type User } from "../schema";
import { insertAudit } from "./audit";
import { afterKeyset, decodeKeyset, encodeKeyset, timestampKey, toKeysetPage } from "./keyset";

export function hashInvitationToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** An invitation that can still admit someone: not revoked, not expired, uses left. */
function usable(tokenHash: string) {
  return and(
    eq(invitations.tokenHash, tokenHash),
    isNull(invitations.revokedAt),
    gt(invitations.expiresAt, sql`now()`),
    or(isNull(invitations.maxUses), sql`${invitations.useCount} < ${invitations.maxUses}`),
  );
}

export async function findUsableInvitation(db: DbOrTx, { token }: { token: string }) {
  const [row] = await db
    .select({ id: invitations.id, expiresAt: invitations.expiresAt })
    .from(invitations)
    .where(usable(hashInvitationToken(token)))
    .limit(1);
  return row ?? null;
}

export type CreateAccountResult =
  { kind: "created"; user: User } | { kind: "email_taken" } | { kind: "invalid_invitation" };

/**
 * Creates an account through sign-up, in one transaction: a valid invitation, or an open
 * community, admits directly; a sign-up never makes an admin (the setup wizard creates the
 * first one, and sign-up is refused until it has run: lib/setup);
 * otherwise the account is `pending` with the admission answers, until a facilitator decides.
 * An invitation is only used up when an account is actually created.
 */
export async function createAccount(
  db: DbOrTx,
  params: {
    name: string;
    email: string;
    passwordHash: string;
    isOpen: boolean;
    answers: AdmissionAnswer[];
    invitationToken?: string | null;
  },
): Promise<CreateAccountResult> {
  return db.transaction(async (tx) => {
    let invitationId: string | null = null;
    if (params.invitationToken) {
      const [invitation] = await tx
        .select({ id: invitations.id })
        .from(invitations)
        .where(usable(hashInvitationToken(params.invitationToken)))
        .for("update")
        .limit(1);
      if (!invitation) return { kind: "invalid_invitation" as const };
      invitationId = invitation.id;
    }
    const isAdmitted = params.isOpen || invitationId !== null;
    const [user] = await tx
      .insert(users)
      .values({
        name: params.name,
        email: params.email.trim(),
        passwordHash: params.passwordHash,
        role: "member",
        status: isAdmitted ? "active" : "pending",
      })
      .onConflictDoNothing()
      .returning();
    if (!user) return { kind: "email_taken" as const };
    if (invitationId)
      await tx
        .update(invitations)
        .set({ useCount: sql`${invitations.useCount} + 1` })
        .where(eq(invitations.id, invitationId));
    if (!isAdmitted) await tx.insert(admissionRequests).values({ userId: user.id, answers: params.answers });
    return { kind: "created" as const, user };
  });
}

export async function getAdmissionRequest(db: DbOrTx, { userId }: { userId: string }) {
  const [row] = await db.select().from(admissionRequests).where(eq(admissionRequests.userId, userId)).limit(1);
  return row ?? null;
}

export const ADMISSIONS_PAGE_SIZE = 20;

/** Waiting applicants, oldest first, with their answers: one query per page. */
export async function listPendingAdmissions(db: DbOrTx, params: { cursor?: string; limit?: number } = {}) {
  const limit = params.limit ?? ADMISSIONS_PAGE_SIZE;
  const rows = await db
    .select({
      request: admissionRequests,
      atKey: timestampKey(admissionRequests.createdAt),
      user: { id: users.id, name: users.name, email: users.email, emailVerified: users.emailVerified },
    })
    .from(admissionRequests)
    .innerJoin(users, eq(users.id, admissionRequests.userId))
    .where(
      and(
        eq(admissionRequests.status, "pending"),
        eq(users.status, "pending"),
        afterKeyset(admissionRequests.createdAt, admissionRequests.userId, decodeKeyset(params.cursor, "uuid"), "asc"),
      ),
    )
    .orderBy(asc(admissionRequests.createdAt), asc(admissionRequests.userId))
    .limit(limit + 1);
  const { items, nextCursor } = toKeysetPage(rows, limit, (last) =>
    encodeKeyset({ at: last.atKey, id: last.request.userId }),
  );
  return { items: items.map(({ request, user }) => ({ ...request, user })), nextCursor };
}

/** Admits or refuses a waiting applicant, with a message for them. Null when nothing is waiting. */
export async function decideAdmission(
  db: DbOrTx,
  params: { userId: string; actorId: string; approve: boolean; message: string | null },
) {
  return db.transaction(async (tx) => {
    const [request] = await tx
      .update(admissionRequests)
      .set({
        status: params.approve ? "approved" : "refused",
        decisionMessage: params.message,
        decidedById: params.actorId,
        decidedAt: sql`now()`,
      })
      .where(and(eq(admissionRequests.userId, params.userId), eq(admissionRequests.status, "pending")))
      .returning();
    if (!request) return null;
    if (params.approve) {
      await tx
        .update(users)
        .set({ status: "active", updatedAt: new Date() })
        .where(and(eq(users.id, params.userId), eq(users.status, "pending")));
    }
    await insertAudit(tx, {
      actorId: params.actorId,
      action: params.approve ? "admission.approve" : "admission.refuse",
      targetType: "user",
      targetId: params.userId,
      targetUserId: params.userId,
      reason: params.message,
    });
    const [user] = await tx
      .select({ id: users.id, name: users.name, email: users.email, locale: users.locale })
      .from(users)
      .where(eq(users.id, params.userId));
    return { request, user: user! };
  });
}

/** Creates an invitation link; the clear token is returned once (only its hash is kept). */
export async function createInvitation(
  db: DbOrTx,
  params: { actorId: string; maxUses: number | null; expiresAt: Date; note: string },
) {
  const token = randomBytes(24).toString("base64url");
  return db.transaction(async (tx) => {
    const [invitation] = await tx
      .insert(invitations)
      .values({
        tokenHash: hashInvitationToken(token),
        createdById: params.actorId,
        maxUses: params.maxUses,
        expiresAt: params.expiresAt,
        note: params.note,
      })
      .returning();
    await insertAudit(tx, {
      actorId: params.actorId,
      action: "invitation.create",
      targetType: "invitation",
      targetId: invitation!.id,
      details: { maxUses: params.maxUses, expiresAt: params.expiresAt.toISOString(), note: params.note },
    });
    return { invitation: invitation!, token };
  });
}

export const INVITATIONS_PAGE_SIZE = 30;

export async function listInvitations(db: DbOrTx, params: { cursor?: string; limit?: number } = {}) {
  const limit = params.limit ?? INVITATIONS_PAGE_SIZE;
  const rows = await db
    .select({
      id: invitations.id,
      note: invitations.note,
      maxUses: invitations.maxUses,
      useCount: invitations.useCount,
      expiresAt: invitations.expiresAt,
      revokedAt: invitations.revokedAt,
      createdAt: invitations.createdAt,
      atKey: timestampKey(invitations.createdAt),
      createdBy: { id: users.id, name: users.name },
    })
    .from(invitations)
    .innerJoin(users, eq(users.id, invitations.createdById))
    .where(afterKeyset(invitations.createdAt, invitations.id, decodeKeyset(params.cursor, "uuid"), "desc"))
    .orderBy(desc(invitations.createdAt), desc(invitations.id))
    .limit(limit + 1);
  const { items, nextCursor } = toKeysetPage(rows, limit, (last) => encodeKeyset({ at: last.atKey, id: last.id }));
  return {
    items: items.map((row) => ({
      id: row.id,
      note: row.note,
      maxUses: row.maxUses,
      useCount: row.useCount,
      expiresAt: row.expiresAt,
      revokedAt: row.revokedAt,
      createdAt: row.createdAt,
      createdBy: row.createdBy,
    })),
    nextCursor,
  };
}

export async function revokeInvitation(db: DbOrTx, params: { invitationId: string; actorId: string }) {
  return db.transaction(async (tx) => {
    const [invitation] = await tx
      .update(invitations)
      .set({ revokedAt: sql`now()` })
      .where(and(eq(invitations.id, params.invitationId), isNull(invitations.revokedAt)))
      .returning();
    if (!invitation) return null;
    await insertAudit(tx, {
      actorId: params.actorId,
      action: "invitation.revoke",
      targetType: "invitation",
      targetId: invitation.id,
      details: { note: invitation.note },
    });
    return invitation;
  });
}
