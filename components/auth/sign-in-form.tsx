"use client";

import { useActionState, useState } from "react";
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
  // Kept in the page, never sent back by the server: the second step reuses what was typed.
  const [password, setPassword] = useState("");
  const asksCode = valueOf("step") === "code";
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      {formError ? <Alert tone={asksCode && !errorsFor("code") ? "info" : "error"}>{formError}</Alert> : null}
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
        value={password}
        onChange={(event) => setPassword(event.target.value)}
        errors={errorsFor("password")}
      />
      {asksCode ? (
        <TextField
          key="code"
          id="code"
          label={t("secondFactorCode")}
          hint={t("secondFactorHint")}
          autoComplete="one-time-code"
          inputMode="text"
          autoFocus
          required
          errors={errorsFor("code")}
        />
      ) : null}
      <Button type="submit" disabled={isPending}>
        {isPending ? t("signingIn") : t("signInButton")}
      </Button>
      <p className="text-sm">
        <Link href="/forgot-password" className="touch-target font-semibold text-teal underline">
          {t("forgotPasswordLink")}
        </Link>
      </p>
    </form>
  );
}
