import "server-only";
import type { ServiceContext } from "@/lib/context";
import type { DbOrTx } from "@/db";
import { listUsersForStaff, changeUserRole, suspendUser, unsuspendUser } from "@/db/queries/staff-users";
import { getUserById } from "@/db/queries/users";
import { sendCommunityEmail } from "@/lib/mail/community";
import { AppError } from "@/lib/errors";
import { canChangeRole, canModerate, canSuspendUser, isDemotion } from "@/lib/permissions";
import type { UserRole, UserStatus } from "@/lib/permissions/roles";
import { disconnectUser } from "@/lib/realtime/emit";

/**
 * Facilitators' actions on accounts. A suspended member reads and posts nothing: the bumped
 * session version ends their sessions on the next request, and their live sockets are closed
 * at once (after commit).
 */

export async function listMembersForStaff(
  { db, actor }: ServiceContext,
  input: { query?: string; status?: UserStatus; cursor?: string } = {},
) {
  if (!canModerate(actor)) throw new AppError("not_found");
  return listUsersForStaff(db, input);
}

async function loadTarget(db: DbOrTx, userId: string) {
  const target = await getUserById(db, { id: userId });
  if (!target) throw new AppError("not_found");
  return target;
}

export async function suspendMember(
  { db, actor }: ServiceContext,
  input: { userId: string; reason: string; until?: Date | null },
) {
  const target = await loadTarget(db, input.userId);
  if (!canSuspendUser(actor, target)) throw new AppError("not_found");
  if (input.until && input.until.getTime() <= Date.now()) throw new AppError("bad_request", "moderation.untilInPast");
  const user = await suspendUser(db, {
    userId: target.id,
    actorId: actor!.id,
    reason: input.reason,
    until: input.until ?? null,
  });
  if (!user) throw new AppError("not_found");
  disconnectUser(user.id);
  await sendCommunityEmail(user, "suspended", {
    message: input.reason,
    until: input.until ? input.until.toISOString().slice(0, 10) : null,
  });
  return user;
}

export async function unsuspendMember(
  { db, actor }: ServiceContext,
  input: { userId: string; reason?: string | null },
) {
  const target = await loadTarget(db, input.userId);
  if (!canSuspendUser(actor, target)) throw new AppError("not_found");
  const user = await unsuspendUser(db, { userId: target.id, actorId: actor!.id, reason: input.reason ?? null });
  if (!user) throw new AppError("conflict", "moderation.notSuspended");
  return user;
}

/** Admins only. Removing rights (e.g. facilitator → member) also ends the member's sessions. */
export async function changeMemberRole(
  { db, actor }: ServiceContext,
  input: { userId: string; role: UserRole; reason?: string | null },
) {
  const target = await loadTarget(db, input.userId);
  if (!canChangeRole(actor, target)) throw new AppError("not_found");
  const endSessions = isDemotion(target.role, input.role);
  const changed = await changeUserRole(db, {
    userId: target.id,
    actorId: actor!.id,
    role: input.role,
    reason: input.reason ?? null,
    endSessions,
  });
  if (!changed) throw new AppError("conflict", "moderation.sameRole");
  if (endSessions) disconnectUser(target.id);
  return changed;
}
