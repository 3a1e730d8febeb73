"use server";

import { AuthError } from "next-auth";
import { redirect } from "next/navigation";
import { getDb } from "@/db";
import { consumeUserToken, createUser, getUserByEmail, markEmailVerified, setPassword } from "@/db/queries/users";
import { fieldErrorsOf, formAction, formValues, type ActionResult } from "@/lib/action";
import { signIn, signOut } from "@/lib/auth";
import { sendAccountExistsEmail, sendPasswordResetEmail, sendVerificationEmail } from "@/lib/auth/emails";
import { hashPassword } from "@/lib/auth/password";
import { safeRedirectPath } from "@/lib/auth/redirect";
import { AppError } from "@/lib/errors";
import { forgotPasswordSchema, resetPasswordSchema, signInSchema, signUpSchema } from "@/lib/validation/auth";

/**
 * Sign-up answers the same way whether or not the address is taken: the mailbox owner is
 * told instead, so the form cannot be used to test who is a member.
 */
export const signUpAction = formAction(signUpSchema, async (input) => {
  const db = getDb();
  const passwordHash = await hashPassword(input.password);
  const created = await createUser(db, { name: input.name, email: input.email, passwordHash });
  if (created) {
    await sendVerificationEmail(db, created);
  } else {
    const existing = await getUserByEmail(db, { email: input.email });
    if (existing) await sendAccountExistsEmail(db, existing);
  }
  return { email: input.email };
});

export async function signInAction(_previous: unknown, formData: FormData): Promise<ActionResult> {
  const values = formValues(formData, ["password"]);
  const parsed = signInSchema.safeParse(Object.fromEntries(formData.entries()));
  if (!parsed.success) {
    return { ok: false, error: "errors.invalid_form", fieldErrors: fieldErrorsOf(parsed.error), values };
  }
  try {
    await signIn("credentials", {
      email: parsed.data.email,
      password: parsed.data.password,
      redirectTo: safeRedirectPath(formData.get("callbackUrl")),
    });
  } catch (error) {
    if (!(error instanceof AuthError)) throw error; // Success is a redirect, thrown by Next.
    const code = (error as AuthError & { code?: string }).code;
    if (code === "email_not_verified") {
      const db = getDb();
      const user = await getUserByEmail(db, { email: parsed.data.email });
      if (user) await sendVerificationEmail(db, user);
      return { ok: false, error: "auth.emailNotVerified", values };
    }
    if (code === "suspended") return { ok: false, error: "auth.suspended", values };
    return { ok: false, error: "auth.invalidCredentials", values };
  }
  return { ok: true, data: undefined };
}

export async function signOutAction() {
  await signOut({ redirectTo: "/" });
}

/** Always answers "if an account exists, an email is on its way". */
export const forgotPasswordAction = formAction(forgotPasswordSchema, async (input) => {
  const db = getDb();
  const user = await getUserByEmail(db, { email: input.email });
  if (user) await sendPasswordResetEmail(db, user);
  return { email: input.email };
});

export const resetPasswordAction = formAction(resetPasswordSchema, async (input) => {
  const db = getDb();
  const passwordHash = await hashPassword(input.password);
  const userId = await db.transaction(async (tx) => {
    const id = await consumeUserToken(tx, { token: input.token, kind: "reset_password" });
    if (!id) return null;
    // Changing the password bumps the session version: every other session ends now.
    await setPassword(tx, { userId: id, passwordHash });
    // The link reached the mailbox, which proves the address.
    await markEmailVerified(tx, { userId: id });
    return id;
  });
  if (!userId) throw new AppError("bad_request", "auth.invalidResetLink");
  redirect("/sign-in?reset=1");
});
