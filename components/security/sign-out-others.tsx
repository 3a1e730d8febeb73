"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { signOutOtherDevicesAction } from "@/lib/actions/security";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useFormState } from "@/components/ui/form-state";

export function SignOutOtherDevices() {
  const t = useTranslations("security");
  const [state, action, isPending] = useActionState(signOutOtherDevicesAction, null);
  const { formError } = useFormState(state);
  return (
    <form action={action} className="flex flex-col gap-3">
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      {state?.ok ? <Alert tone="success">{t("signedOutOthers", { count: state.data.count })}</Alert> : null}
      <Button type="submit" variant="secondary" disabled={isPending} className="self-start">
        {t("signOutOthers")}
      </Button>
    </form>
  );
}
