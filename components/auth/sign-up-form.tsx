"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { signUpAction } from "@/app/(auth)/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { useFormState } from "@/components/ui/form-state";

export function SignUpForm() {
  const t = useTranslations("auth");
  const [state, action, isPending] = useActionState(signUpAction, null);
  const { errorsFor, formError, valueOf } = useFormState(state);
  if (state?.ok) {
    return (
      <Alert tone="success">
        <p className="font-bold">{t("checkInboxTitle")}</p>
        <p className="mt-1 font-normal">{t("checkInboxSignUp", { email: state.data.email })}</p>
      </Alert>
    );
  }
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      <TextField id="name" label={t("name")} autoComplete="name" required defaultValue={valueOf("name")} errors={errorsFor("name")} />
      <TextField id="email" type="email" label={t("email")} autoComplete="email" required defaultValue={valueOf("email")} errors={errorsFor("email")} />
      <TextField
        id="password"
        type="password"
        label={t("password")}
        hint={t("passwordHint")}
        autoComplete="new-password"
        required
        errors={errorsFor("password")}
      />
      <Button type="submit" disabled={isPending}>
        {isPending ? t("signingUp") : t("signUpButton")}
      </Button>
    </form>
  );
}
