import { and, desc, eq } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { AuditAction, AuditTargetType } from "@/lib/domain/moderation";
import type { DbOrTx } from "../client";
import { auditLog, users } from "../schema";
import { afterKeyset, decodeKeyset, encodeKeyset, timestampKey } from "./keyset";

export type AuditInput = {
  actorId: string;
  action: AuditAction;
  targetType: AuditTargetType;
  targetId: string | number;
  targetUserId?: string | null;
  reason?: string | null;
  details?: Record<string, unknown>;
};

/** Writes one audit entry; call it inside the transaction of the action it records. */
export async function insertAudit(db: DbOrTx, entry: AuditInput) {
  await db.insert(auditLog).values({
    actorId: entry.actorId,
    action: entry.action,
    targetType: entry.targetType,
    targetId: String(entry.targetId),
    targetUserId: entry.targetUserId ?? null,
    reason: entry.reason ?? null,
    details: entry.details ?? {},
  });
}

export const AUDIT_PAGE_SIZE = 50;

export type AuditListItem = {
  id: number;
  action: AuditAction;
  targetType: AuditTargetType;
  targetId: string;
  reason: string | null;
  details: Record<string, unknown>;
  createdAt: Date;
  actor: { id: string; name: string };
  targetUser: { id: string; name: string } | null;
};

const targetUsers = alias(users, "target_users");

/** The audit log, newest first, filterable by action, actor and concerned member; one query per page. */
export async function listAuditLog(
  db: DbOrTx,
  params: { action?: AuditAction; actorId?: string; targetUserId?: string; cursor?: string; limit?: number },
): Promise<{ items: AuditListItem[]; nextCursor: string | null }> {
  const limit = params.limit ?? AUDIT_PAGE_SIZE;
  const rows = await db
    .select({
      entry: auditLog,
      atKey: timestampKey(auditLog.createdAt),
      actor: { id: users.id, name: users.name },
      targetUser: { id: targetUsers.id, name: targetUsers.name },
    })
    .from(auditLog)
    .innerJoin(users, eq(users.id, auditLog.actorId))
    .leftJoin(targetUsers, eq(targetUsers.id, auditLog.targetUserId))
    .where(
      and(
        params.action ? eq(auditLog.action, params.action) : undefined,
        params.actorId ? eq(auditLog.actorId, params.actorId) : undefined,
        params.targetUserId ? eq(auditLog.targetUserId, params.targetUserId) : undefined,
        afterKeyset(auditLog.createdAt, auditLog.id, decodeKeyset(params.cursor, "integer"), "desc"),
      ),
    )
    .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    items: page.map(({ entry, actor, targetUser }) => ({
      id: entry.id,
      action: entry.action,
      targetType: entry.targetType,
      targetId: entry.targetId,
      reason: entry.reason,
      details: entry.details,
      createdAt: entry.createdAt,
      actor,
      targetUser: targetUser?.id ? { id: targetUser.id, name: targetUser.name } : null,
    })),
    nextCursor: rows.length > limit && last ? encodeKeyset({ at: last.atKey, id: last.entry.id }) : null,
  };
}
