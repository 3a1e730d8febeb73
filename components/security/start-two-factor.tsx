"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { startTwoFactorAction } from "@/lib/actions/security";
import { Button } from "@/components/ui/button";

export function StartTwoFactorButton() {
  const t = useTranslations("security");
  const [, action, isPending] = useActionState(startTwoFactorAction, null);
  return (
    <form action={action}>
      <Button type="submit" disabled={isPending} className="whitespace-normal text-left">
        {t("start")}
      </Button>
    </form>
  );
}
