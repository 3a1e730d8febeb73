"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { changePasswordAction } from "@/lib/actions/settings";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { useFormState } from "@/components/ui/form-state";

export function ChangePasswordForm() {
  const t = useTranslations("settings");
  const [state, action, isPending] = useActionState(changePasswordAction, null);
  const { errorsFor, formError } = useFormState(state);
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      <TextField
        id="currentPassword"
        type="password"
        label={t("currentPassword")}
        autoComplete="current-password"
        required
        errors={errorsFor("currentPassword")}
      />
      <TextField
        id="password"
        type="password"
        label={t("newPassword")}
        hint={t("newPasswordHint")}
        autoComplete="new-password"
        required
        errors={errorsFor("password")}
      />
      <Button type="submit" variant="secondary" disabled={isPending} className="self-start">
        {t("changePassword")}
      </Button>
    </form>
  );
}
