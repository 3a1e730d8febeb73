import "server-only";
import type { ServiceContext } from "@/lib/context";
import { getDb } from "@/lib/db";
import {
  countActiveApiTokens,
  createApiToken,
  findApiTokenOwner,
  listApiTokens,
  MAX_ACTIVE_TOKENS,
  revokeApiToken,
} from "@/db/queries/api-tokens";
import { AppError } from "@/lib/errors";
import { canManageApiTokens, isActiveMember, type Actor } from "@/lib/permissions";
import { generateApiToken, hashApiToken } from "./token-hash";

export async function listMyApiTokens({ db, actor }: ServiceContext) {
  if (!actor || !canManageApiTokens(actor)) throw new AppError("not_found");
  return listApiTokens(db, { userId: actor.id });
}

/** Creates a token and returns it in clear text: the only time it is ever shown. */
export async function createMyApiToken({ db, actor }: ServiceContext, input: { name: string }) {
  if (!actor || !canManageApiTokens(actor)) throw new AppError("not_found");
  if ((await countActiveApiTokens(db, { userId: actor.id })) >= MAX_ACTIVE_TOKENS) {
    throw new AppError("conflict", "offers.tooManyTokens");
  }
  const { token, hash, prefix } = generateApiToken();
  const created = await createApiToken(db, { userId: actor.id, name: input.name, tokenHash: hash, prefix });
  return { token, item: created };
}

export async function revokeMyApiToken({ db, actor }: ServiceContext, input: { id: string }) {
  if (!actor) throw new AppError("unauthenticated");
  if (!(await revokeApiToken(db, { id: input.id, userId: actor.id }))) throw new AppError("not_found");
}

/**
 * Who calls the API: the owner of a Bearer token when an Authorization header is present (a
 * wrong, revoked or malformed token is a 401, never a fallback to the cookie), otherwise the
 * signed-in member of this browser session (`sessionUser`, resolved by the route).
 */
export async function resolveApiActor(headers: Headers, sessionUser: Actor = null): Promise<Actor> {
  const authorization = headers.get("authorization");
  if (authorization === null) return sessionUser;
  const match = /^Bearer\s+(\S{10,200})\s*$/i.exec(authorization);
  if (!match) throw new AppError("unauthenticated", "offers.invalidToken");
  const owner = await findApiTokenOwner(getDb(), { tokenHash: hashApiToken(match[1]!) });
  if (!owner || !isActiveMember(owner.user)) throw new AppError("unauthenticated", "offers.invalidToken");
  return { id: owner.user.id, role: owner.user.role, status: owner.user.status };
}
