"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { signOutOtherDevicesAction } from "@/lib/actions/security";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

export function SignOutOtherDevices() {
  const t = useTranslations("security");
  const [state, action, isPending] = useActionState(signOutOtherDevicesAction, null);
  return (
    <form action={action} className="flex flex-col gap-3">
      {state?.ok ? <Alert tone="success">{t("signedOutOthers", { count: state.data.count })}</Alert> : null}
      <Button type="submit" variant="secondary" disabled={isPending} className="self-start">
        {t("signOutOthers")}
      </Button>
    </form>
  );
}
