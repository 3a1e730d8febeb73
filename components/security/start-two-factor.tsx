"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { startTwoFactorAction } from "@/lib/actions/security";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useFormState } from "@/components/ui/form-state";

export function StartTwoFactorButton() {
  const t = useTranslations("security");
  const [state, action, isPending] = useActionState(startTwoFactorAction, null);
  const { formError } = useFormState(state);
  return (
    <form action={action} className="flex flex-col gap-3">
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      <Button type="submit" disabled={isPending} className="self-start whitespace-normal text-left">
        {t("start")}
      </Button>
    </form>
  );
}
