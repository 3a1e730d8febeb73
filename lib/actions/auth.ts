"use server";

import "server-only";

import { AuthError } from "next-auth";
import { redirect } from "next/navigation";
import { getDb } from "@/lib/db";
import { getTranslations } from "next-intl/server";
import { getCommunitySettings } from "@/lib/admission/service";
import { resolveQuestions } from "@/lib/admission/settings";
import { needsSetup } from "@/lib/setup/service";
import { getSignInBlock, signInRateLimitedError } from "@/lib/rate-limit";
import { signUpWithAnswersSchema } from "@/lib/validation/admission";
import { fieldErrorsOf, formAction, formValues, type ActionResult } from "@/lib/action";
import { signIn, signOut } from "@/lib/auth";
import { requestPasswordReset, resendVerification, resetPassword, signUp } from "@/lib/auth/accounts";
import { safeRedirectPath } from "@/lib/auth/redirect";
import { forgotPasswordSchema, resetPasswordSchema, signInSchema } from "@/lib/validation/auth";
import { translateKey } from "@/lib/i18n/translate-key";

/**
 * Sign-up answers the same way whether or not the address is taken: the mailbox owner is
 * told instead, so the form cannot be used to test who is a member. In a closed community
 * (the default) the admission questions must be answered, unless an invitation link is used,
 * and the account waits, `pending`, for a facilitator.
 */
export async function signUpAction(
  _previous: unknown,
  formData: FormData,
): Promise<ActionResult<{ email: string; isPending: boolean }>> {
  const values = formValues(formData, ["password"]);
  // Until the wizard has made the first admin, nobody can join (nobody could admit them).
  if (await needsSetup()) return { ok: false, error: "admission.setupPending", values };
  const settings = await getCommunitySettings();
  const t = await getTranslations();
  const questions = resolveQuestions(settings.questions, (key) => translateKey(t, key));
  const invitation =
    typeof formData.get("invitation") === "string" && formData.get("invitation")
      ? String(formData.get("invitation"))
      : null;
  if (settings.mode === "invitation" && !invitation) return { ok: false, error: "admission.invitationOnly", values };
  const asked = settings.mode === "closed" && !invitation ? questions : [];
  const parsed = signUpWithAnswersSchema(asked).safeParse(Object.fromEntries(formData.entries()));
  if (!parsed.success)
    return { ok: false, error: "errors.invalid_form", fieldErrors: fieldErrorsOf(parsed.error), values };
  const input = parsed.data as { name: string; email: string; password: string } & Record<string, string>;
  const outcome = await signUp(getDb(), {
    name: input.name,
    email: input.email,
    password: input.password,
    isOpen: settings.mode === "open",
    invitationToken: invitation,
    answers: asked.map((question) => ({ question: question.label, answer: input[`answer_${question.id}`] ?? "" })),
  });
  if (outcome.kind === "invalid_invitation") return { ok: false, error: "admission.invalidInvitation", values };
  // A taken address looks like a fresh sign-up (same message as a new account in this mode).
  return { ok: true, data: { email: input.email, isPending: outcome.isPending ?? asked.length > 0 } };
}

export async function signInAction(_previous: unknown, formData: FormData): Promise<ActionResult> {
  const values = formValues(formData, ["password"]);
  const parsed = signInSchema.safeParse(Object.fromEntries(formData.entries()));
  if (!parsed.success) {
    return { ok: false, error: "errors.invalid_form", fieldErrors: fieldErrorsOf(parsed.error), values };
  }
  // Checked here too (authorize also checks) to tell the person when they may try again.
  const db = getDb();
  const blockedUntil = await getSignInBlock(db, { email: parsed.data.email });
  if (blockedUntil) {
    const error = signInRateLimitedError(blockedUntil);
    return { ok: false, error: error.messageKey, errorValues: error.values, values };
  }
  try {
    await signIn("credentials", {
      email: parsed.data.email,
      password: parsed.data.password,
      code: parsed.data.code ?? "",
      redirectTo: safeRedirectPath(formData.get("callbackUrl")),
    });
  } catch (error) {
    if (!(error instanceof AuthError)) throw error; // Success is a redirect, thrown by Next.
    const code = (error as AuthError & { code?: string }).code;
    if (code === "rate_limited") {
      const error = signInRateLimitedError(
        (await getSignInBlock(db, { email: parsed.data.email })) ?? new Date(Date.now() + 60_000),
      );
      return { ok: false, error: error.messageKey, errorValues: error.values, values };
    }
    if (code === "email_not_verified") {
      await resendVerification(db, parsed.data.email);
      return { ok: false, error: "auth.emailNotVerified", values };
    }
    if (code === "suspended") return { ok: false, error: "auth.suspended", values };
    // The password was right: the form now asks for the code (it keeps the password typed).
    if (code === "second_factor_required")
      return { ok: false, error: "auth.secondFactorRequired", values: { ...values, step: "code" } };
    if (code === "wrong_second_factor") {
      return {
        ok: false,
        error: "errors.invalid_form",
        fieldErrors: { code: ["security.wrongCode"] },
        values: { ...values, step: "code" },
      };
    }
    return { ok: false, error: "auth.invalidCredentials", values };
  }
  return { ok: true, data: undefined };
}

export async function signOutAction() {
  await signOut({ redirectTo: "/" });
}

/** Always answers "if an account exists, an email is on its way". */
export const forgotPasswordAction = formAction(forgotPasswordSchema, async (input) => {
  await requestPasswordReset(getDb(), input.email);
  return { email: input.email };
});

export const resetPasswordAction = formAction(resetPasswordSchema, async (input) => {
  await resetPassword(getDb(), input);
  redirect("/sign-in?reset=1");
});
