import "server-only";
import { createAccount } from "@/db/queries/admission";
import { consumeUserToken, getUserByEmail, markEmailVerified, setPassword } from "@/db/queries/users";
import type { DbOrTx } from "@/db";
import { hashPassword } from "@/lib/auth/password";
import { AppError } from "@/lib/errors";
import { disconnectUser } from "@/lib/realtime/emit";
import { sendAccountExistsEmail, sendPasswordResetEmail, sendVerificationEmail } from "@/lib/mail/auth";

/**
 * Account life cycle without a session: sign-up, e-mail confirmation, password reset. None of
 * these reveals whether an address has an account: the mailbox owner is told instead.
 */

export type SignUpInput = {
  name: string;
  email: string;
  password: string;
  isOpen: boolean;
  invitationToken: string | null;
  answers: { question: string; answer: string }[];
};

/** `invalid_invitation`, or the outcome the visitor sees (the same whether the address was taken). */
export async function signUp(
  db: DbOrTx,
  input: SignUpInput,
): Promise<{ kind: "invalid_invitation" } | { kind: "done"; isPending: boolean | null }> {
  const created = await createAccount(db, {
    name: input.name,
    email: input.email,
    passwordHash: await hashPassword(input.password),
    isOpen: input.isOpen,
    invitationToken: input.invitationToken,
    answers: input.answers,
  });
  if (created.kind === "invalid_invitation") return { kind: "invalid_invitation" };
  if (created.kind === "created") {
    await sendVerificationEmail(db, created.user);
    return { kind: "done", isPending: created.user.status === "pending" };
  }
  const existing = await getUserByEmail(db, { email: input.email });
  if (existing) await sendAccountExistsEmail(db, existing);
  // null: the caller answers as for a fresh sign-up in this mode.
  return { kind: "done", isPending: null };
}

/** A new confirmation link for an account that tried to sign in unconfirmed. */
export async function resendVerification(db: DbOrTx, email: string): Promise<void> {
  const user = await getUserByEmail(db, { email });
  if (user) await sendVerificationEmail(db, user);
}

/** Mails a reset link if the account exists; answers the same either way. */
export async function requestPasswordReset(db: DbOrTx, email: string): Promise<void> {
  const user = await getUserByEmail(db, { email });
  if (user) await sendPasswordResetEmail(db, user);
}

/**
 * Sets a new password from a single-use reset link. Changing it bumps the session version, so
 * every other session ends now; the link reached the mailbox, which proves the address.
 */
export async function resetPassword(db: DbOrTx, input: { token: string; password: string }): Promise<void> {
  const passwordHash = await hashPassword(input.password);
  const userId = await db.transaction(async (tx) => {
    const id = await consumeUserToken(tx, { token: input.token, kind: "reset_password" });
    if (!id) return null;
    await setPassword(tx, { userId: id, passwordHash });
    await markEmailVerified(tx, { userId: id });
    return id;
  });
  if (!userId) throw new AppError("bad_request", "auth.invalidResetLink");
  // Sessions are void now; their open tabs must stop receiving live events too.
  disconnectUser(userId);
}
