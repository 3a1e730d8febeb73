import { and, eq, isNull, lt, or, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { userRecoveryCodes, users } from "@/db/schema";

/** Proposes a (sealed) secret; two-factor is on only once a code confirms it. */
export async function proposeTotpSecret(
  db: DbOrTx,
  { userId, sealedSecret }: { userId: string; sealedSecret: string },
) {
  await db
    .update(users)
    .set({ totpSecret: sealedSecret, totpEnabledAt: null, totpLastStep: null })
    .where(and(eq(users.id, userId), isNull(users.totpEnabledAt)));
}

/**
 * Records that a code of `step` was used, only if no code of that step or a later one was: a
 * replayed code (or two sign-ins racing with the same code) finds nothing to update.
 */
export async function claimTotpStep(db: DbOrTx, { userId, step }: { userId: string; step: number }): Promise<boolean> {
  const rows = await db
    .update(users)
    .set({ totpLastStep: step })
    .where(and(eq(users.id, userId), or(isNull(users.totpLastStep), lt(users.totpLastStep, step))))
    .returning({ id: users.id });
  return rows.length > 0;
}

/** Turns two-factor on with a fresh set of recovery codes (hashes), replacing any earlier set. */
export async function enableTotp(db: DbOrTx, { userId, codeHashes }: { userId: string; codeHashes: string[] }) {
  await db.transaction(async (tx) => {
    await tx.update(users).set({ totpEnabledAt: new Date() }).where(eq(users.id, userId));
    await replaceRecoveryCodes(tx, { userId, codeHashes });
  });
}

export async function replaceRecoveryCodes(
  db: DbOrTx,
  { userId, codeHashes }: { userId: string; codeHashes: string[] },
) {
  await db.delete(userRecoveryCodes).where(eq(userRecoveryCodes.userId, userId));
  if (codeHashes.length === 0) return;
  await db.insert(userRecoveryCodes).values(codeHashes.map((codeHash) => ({ userId, codeHash })));
}

export async function disableTotp(db: DbOrTx, { userId }: { userId: string }) {
  await db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ totpSecret: null, totpEnabledAt: null, totpLastStep: null })
      .where(eq(users.id, userId));
    await tx.delete(userRecoveryCodes).where(eq(userRecoveryCodes.userId, userId));
  });
}

/** Uses a recovery code once: true if it existed and was unused. */
export async function consumeRecoveryCode(
  db: DbOrTx,
  { userId, codeHash }: { userId: string; codeHash: string },
): Promise<boolean> {
  const rows = await db
    .update(userRecoveryCodes)
    .set({ usedAt: new Date() })
    .where(
      and(
        eq(userRecoveryCodes.userId, userId),
        eq(userRecoveryCodes.codeHash, codeHash),
        isNull(userRecoveryCodes.usedAt),
      ),
    )
    .returning({ id: userRecoveryCodes.id });
  return rows.length > 0;
}

export async function countUnusedRecoveryCodes(db: DbOrTx, { userId }: { userId: string }): Promise<number> {
  const [row] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(userRecoveryCodes)
    .where(and(eq(userRecoveryCodes.userId, userId), isNull(userRecoveryCodes.usedAt)));
  return row?.count ?? 0;
}
