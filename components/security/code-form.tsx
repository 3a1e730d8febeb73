"use client";

import { useActionState, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import type { ActionResult } from "@/lib/action";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { useFormState } from "@/components/ui/form-state";
import { RecoveryCodes } from "./recovery-codes";

type CodeAction = (
  previous: unknown,
  formData: FormData,
) => Promise<ActionResult<{ codes: string[] }> | ActionResult<void>>;

/** A code from the app (or a recovery code) that proves the person holds the second factor. */
export function CodeForm({
  action: serverAction,
  label,
  submit,
  hint,
  variant = "primary",
}: {
  action: CodeAction;
  label?: string;
  submit: string;
  hint?: ReactNode;
  variant?: "primary" | "secondary" | "danger";
}) {
  const t = useTranslations("security");
  const [state, action, isPending] = useActionState(serverAction, null);
  const { errorsFor, formError } = useFormState(state);
  if (state?.ok && state.data && "codes" in state.data) return <RecoveryCodes codes={state.data.codes} />;
  return (
    <form action={action} className="flex flex-col gap-3" noValidate>
      {formError && !errorsFor("code") ? <Alert tone="error">{formError}</Alert> : null}
      <TextField
        id="code"
        label={label ?? t("code")}
        hint={hint}
        autoComplete="one-time-code"
        inputMode="numeric"
        required
        errors={errorsFor("code")}
      />
      <Button type="submit" variant={variant} disabled={isPending} className="self-start">
        {submit}
      </Button>
    </form>
  );
}
