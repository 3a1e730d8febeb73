"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { setBlockedAction } from "@/lib/actions/messages";

/** Block or unblock a member (asks first when blocking); the page re-renders with the new state. */
export function BlockButton({ userId, name, isBlocked }: { userId: string; name: string; isBlocked: boolean }) {
  const t = useTranslations("messages");
  const router = useRouter();
  const [isPending, setIsPending] = useState(false);
  return (
    <Button
      variant="ghost"
      size="sm"
      disabled={isPending}
      onClick={async () => {
        if (!isBlocked && !window.confirm(t("blockConfirm", { name }))) return;
        setIsPending(true);
        const result = await setBlockedAction({ userId, blocked: !isBlocked });
        setIsPending(false);
        if (result.ok) router.refresh();
      }}
    >
      {isBlocked ? t("unblock", { name }) : t("block", { name })}
    </Button>
  );
}
