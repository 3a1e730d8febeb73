import "server-only";
import type { DbOrTx } from "@/db";
import {
  claimTotpStep,
  consumeRecoveryCode,
  countUnusedRecoveryCodes,
  disableTotp,
  enableTotp,
  proposeTotpSecret,
  replaceRecoveryCodes,
} from "@/db/queries/two-factor";
import { getUserById } from "@/db/queries/users";
import type { User } from "@/db/schema";
import { isStaffRole } from "@/lib/domain/users";
import { AppError } from "@/lib/errors";
import { verifyPassword } from "./password";
import { signOutOtherDevices } from "./sessions";
import {
  enrollmentView,
  hashRecoveryCode,
  matchTotpStep,
  newRecoveryCodes,
  newTotpSecret,
  openSecret,
  sealSecret,
} from "./totp";

type Account = { userId: string; sessionId: string };

/**
 * The second factor at sign-in: a code from the app (each 30-second step once), or an unused
 * recovery code (each once). Returns how it was proven, or null.
 */
export async function checkSecondFactor(
  db: DbOrTx,
  user: Pick<User, "id" | "totpSecret" | "totpEnabledAt">,
  code: string,
): Promise<"app" | "recovery" | null> {
  if (!user.totpEnabledAt || !user.totpSecret) return null;
  const step = await matchTotpStep(openSecret(user.totpSecret), code);
  if (step !== null) return (await claimTotpStep(db, { userId: user.id, step })) ? "app" : null;
  return (await consumeRecoveryCode(db, { userId: user.id, codeHash: hashRecoveryCode(code) })) ? "recovery" : null;
}

/** What the security settings page shows about two-factor sign-in. */
export async function getTwoFactorState(db: DbOrTx, { userId }: { userId: string }) {
  const user = await getUserById(db, { id: userId });
  if (!user) throw new AppError("unauthenticated");
  const isEnabled = user.totpEnabledAt !== null;
  return {
    isEnabled,
    isRequired: isStaffRole(user.role),
    recoveryCodesLeft: isEnabled ? await countUnusedRecoveryCodes(db, { userId }) : 0,
    // A secret proposed earlier and not confirmed yet: the same QR code is shown again.
    setup: !isEnabled && user.totpSecret ? await enrollmentView(openSecret(user.totpSecret), user.email) : null,
  };
}

/** Proposes a new secret (two-factor stays off until a code confirms it). */
export async function startTwoFactorSetup(db: DbOrTx, { userId }: { userId: string }) {
  await proposeTotpSecret(db, { userId, sealedSecret: sealSecret(newTotpSecret()) });
}

/**
 * Confirms the proposed secret with a code from the app: two-factor is on, recovery codes are
 * returned once, and every other device is signed out (its session never passed the new factor).
 */
export async function confirmTwoFactorSetup(db: DbOrTx, { userId, sessionId }: Account, code: string) {
  const user = await getUserById(db, { id: userId });
  if (!user?.totpSecret || user.totpEnabledAt) throw new AppError("bad_request", "security.noSetupInProgress");
  const step = await matchTotpStep(openSecret(user.totpSecret), code);
  if (step === null || !(await claimTotpStep(db, { userId, step }))) {
    throw new AppError("bad_request", "security.wrongCode");
  }
  const codes = newRecoveryCodes();
  await enableTotp(db, { userId, codeHashes: codes.map(hashRecoveryCode) });
  await signOutOtherDevices(db, { userId, sessionId });
  return codes;
}

/** New recovery codes (the old ones stop working), after a code proves the app is at hand. */
export async function regenerateRecoveryCodes(db: DbOrTx, { userId }: Account, code: string) {
  const user = await getUserById(db, { id: userId });
  if (!user || !(await checkSecondFactor(db, user, code))) throw new AppError("bad_request", "security.wrongCode");
  const codes = newRecoveryCodes();
  await replaceRecoveryCodes(db, { userId, codeHashes: codes.map(hashRecoveryCode) });
  return codes;
}

/** Members may turn it off again (with a code); staff accounts may not. */
export async function turnOffTwoFactor(db: DbOrTx, { userId }: Account, code: string) {
  const user = await getUserById(db, { id: userId });
  if (!user) throw new AppError("unauthenticated");
  if (isStaffRole(user.role)) throw new AppError("forbidden", "security.requiredForStaff");
  if (!(await checkSecondFactor(db, user, code))) throw new AppError("bad_request", "security.wrongCode");
  await disableTotp(db, { userId });
}

/**
 * Proves it is the member before an export or an erasure: the password again, and the second
 * factor when the account uses one. Errors name the field to show them beside.
 */
export async function confirmIdentity(
  db: DbOrTx,
  account: Pick<User, "id" | "passwordHash" | "totpSecret" | "totpEnabledAt">,
  input: { password: string; code?: string },
): Promise<void> {
  if (!(await verifyPassword(account.passwordHash, input.password))) {
    throw new AppError("bad_request", "dataOwnership.wrongPassword", { field: "password" });
  }
  if (!account.totpEnabledAt) return;
  if (!input.code) throw new AppError("bad_request", "security.codeRequired", { field: "code" });
  if (!(await checkSecondFactor(db, account, input.code))) {
    throw new AppError("bad_request", "security.wrongCode", { field: "code" });
  }
}

/** Whether the forms that confirm identity must ask for a code. */
export async function usesTwoFactor(db: DbOrTx, { userId }: { userId: string }): Promise<boolean> {
  return Boolean((await getUserById(db, { id: userId }))?.totpEnabledAt);
}
