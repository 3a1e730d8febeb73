"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { forgotPasswordAction } from "@/lib/actions/auth";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { useFormState } from "@/components/ui/form-state";

export function ForgotPasswordForm() {
  const t = useTranslations("auth");
  const [state, action, isPending] = useActionState(forgotPasswordAction, null);
  const { errorsFor, formError, valueOf } = useFormState(state);
  if (state?.ok) return <Alert tone="success">{t("checkInboxReset", { email: state.data.email })}</Alert>;
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      <TextField
        id="email"
        type="email"
        label={t("email")}
        autoComplete="email"
        required
        defaultValue={valueOf("email")}
        errors={errorsFor("email")}
      />
      <Button type="submit" disabled={isPending}>
        {t("sendResetLink")}
      </Button>
    </form>
  );
}
