import "server-only";
import { eraseAccount, type ErasurePostsMode } from "@/db/queries/erasure";
import { getUserById } from "@/db/queries/users";
import type { DbOrTx } from "@/db";
import { confirmIdentity } from "@/lib/auth/two-factor";
import type { ServiceContext } from "@/lib/context";
import { AppError } from "@/lib/errors";
import { canEraseAccount } from "@/lib/permissions";
import { accountKey } from "@/lib/rate-limit";
import { disconnectUser } from "@/lib/realtime/emit";
import { scheduleStorageDeletion } from "./storage-cleanup";

export type { ErasurePostsMode };

/**
 * Erases an account (README "Erasure"): one transaction, then — only once it committed — the
 * live sockets close and the files leave storage through the job queue. Sessions end with the
 * bumped session version on the very next request.
 */
async function performErasure(
  db: DbOrTx,
  params: { userId: string; email: string; actorId: string; mode: ErasurePostsMode; reason: string | null },
): Promise<void> {
  const result = await eraseAccount(db, {
    userId: params.userId,
    actorId: params.actorId,
    mode: params.mode,
    reason: params.reason,
    rateLimitKeys: [accountKey(params.email)],
  });
  if (!result) throw new AppError("not_found");
  disconnectUser(params.userId);
  await scheduleStorageDeletion(result.storageKeys);
}

/** The member erases their own account, after typing their password again. */
export async function eraseMyAccount(
  { db, actor }: ServiceContext,
  input: { password: string; code?: string; posts: ErasurePostsMode },
): Promise<void> {
  if (!actor) throw new AppError("unauthenticated");
  const account = await getUserById(db, { id: actor.id });
  if (!account || account.erasedAt || !canEraseAccount(actor, account)) throw new AppError("not_found");
  await confirmIdentity(db, account, input);
  await performErasure(db, {
    userId: account.id,
    email: account.email,
    actorId: account.id,
    mode: input.posts,
    reason: null,
  });
}

/** A facilitator or admin erases an account on the member's request (the reason is audited). */
export async function eraseMemberAccount(
  { db, actor }: ServiceContext,
  input: { userId: string; reason: string; posts: ErasurePostsMode },
): Promise<void> {
  const target = await getUserById(db, { id: input.userId });
  if (!target || target.erasedAt || !actor || actor.id === target.id || !canEraseAccount(actor, target)) {
    throw new AppError("not_found");
  }
  await performErasure(db, {
    userId: target.id,
    email: target.email,
    actorId: actor.id,
    mode: input.posts,
    reason: input.reason,
  });
}
