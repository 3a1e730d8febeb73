"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { signInAction } from "@/lib/actions/auth";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { useFormState } from "@/components/ui/form-state";

export function SignInForm({ callbackUrl }: { callbackUrl?: string }) {
  const t = useTranslations("auth");
  const [state, action, isPending] = useActionState(signInAction, null);
  const { errorsFor, formError, valueOf } = useFormState(state);
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      {callbackUrl ? <input type="hidden" name="callbackUrl" value={callbackUrl} /> : null}
      <TextField
        id="email"
        type="email"
        label={t("email")}
        autoComplete="email"
        required
        defaultValue={valueOf("email")}
        errors={errorsFor("email")}
      />
      <TextField
        id="password"
        type="password"
        label={t("password")}
        autoComplete="current-password"
        required
        errors={errorsFor("password")}
      />
      <Button type="submit" disabled={isPending}>
        {isPending ? t("signingIn") : t("signInButton")}
      </Button>
      <p className="text-sm">
        <Link href="/forgot-password" className="font-semibold text-teal underline">
          {t("forgotPasswordLink")}
        </Link>
      </p>
    </form>
  );
}
