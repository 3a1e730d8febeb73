import "server-only";
import { and, desc, eq, isNull, sql } from "drizzle-orm";
import type { DbOrTx } from "../client";
import { apiTokens, users } from "../schema";

/** What the settings page lists: never the hash. */
export type ApiTokenListItem = {
  id: string;
  name: string;
  prefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
};

const listColumns = {
  id: apiTokens.id,
  name: apiTokens.name,
  prefix: apiTokens.prefix,
  createdAt: apiTokens.createdAt,
  lastUsedAt: apiTokens.lastUsedAt,
  revokedAt: apiTokens.revokedAt,
};

export const MAX_ACTIVE_TOKENS = 10;

export async function countActiveApiTokens(db: DbOrTx, { userId }: { userId: string }): Promise<number> {
  const [row] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(apiTokens)
    .where(and(eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)));
  return row?.count ?? 0;
}

export async function createApiToken(
  db: DbOrTx,
  params: { userId: string; name: string; tokenHash: string; prefix: string },
): Promise<ApiTokenListItem> {
  const [row] = await db.insert(apiTokens).values(params).returning(listColumns);
  return row!;
}

export async function listApiTokens(db: DbOrTx, { userId }: { userId: string }): Promise<ApiTokenListItem[]> {
  return db
    .select(listColumns)
    .from(apiTokens)
    .where(eq(apiTokens.userId, userId))
    .orderBy(desc(apiTokens.createdAt))
    .limit(50);
}

/** Revokes one of the owner's tokens; false when the id is not theirs or already revoked. */
export async function revokeApiToken(db: DbOrTx, { id, userId }: { id: string; userId: string }): Promise<boolean> {
  const rows = await db
    .update(apiTokens)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(apiTokens.id, id), eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)))
    .returning({ id: apiTokens.id });
  return rows.length === 1;
}

/**
 * The account behind a presented token (by its hash), if the token is live. The role and
 * status are read now, not when the token was made: a pro who lost the role loses its powers.
 */
export async function findApiTokenOwner(db: DbOrTx, { tokenHash }: { tokenHash: string }) {
  const [row] = await db
    .select({
      tokenId: apiTokens.id,
      user: {
        id: users.id,
        name: users.name,
        role: users.role,
        status: users.status,
        organisation: users.organisation,
      },
    })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(and(eq(apiTokens.tokenHash, tokenHash), isNull(apiTokens.revokedAt)))
    .limit(1);
  if (!row) return null;
  await db
    .update(apiTokens)
    .set({ lastUsedAt: sql`now()` })
    .where(eq(apiTokens.id, row.tokenId));
  return row;
}
