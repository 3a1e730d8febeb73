"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { saveOfferAction, setOfferStatusAction } from "@/lib/actions/offers";
import { Button } from "@/components/ui/button";
import { useToast } from "@/components/ui/toast";
import { translateKey } from "@/lib/i18n/translate-key";

/** "Sauvegarder dans mes candidatures": starts a private tracker entry for this offer. */
export function SaveOfferButton({ threadId }: { threadId: number }) {
  const t = useTranslations("offers");
  const tRoot = useTranslations();
  const router = useRouter();
  const toast = useToast();
  const [isPending, setIsPending] = useState(false);
  return (
    <Button
      variant="secondary"
      disabled={isPending}
      onClick={async () => {
        setIsPending(true);
        const result = await saveOfferAction({ threadId }).catch(() => ({
          ok: false as const,
          error: "errors.network",
        }));
        setIsPending(false);
        if (!result.ok) return toast.show(translateKey(tRoot, result.error), "error");
        router.refresh();
      }}
    >
      {t("detail.save")}
    </Button>
  );
}

/** The author marks the offer "Pourvue", or reopens it. */
export function OfferStatusButton({ threadId, isFilled }: { threadId: number; isFilled: boolean }) {
  const t = useTranslations("offers");
  const tRoot = useTranslations();
  const router = useRouter();
  const toast = useToast();
  const [isPending, setIsPending] = useState(false);
  return (
    <Button
      variant="secondary"
      size="sm"
      disabled={isPending}
      onClick={async () => {
        setIsPending(true);
        const result = await setOfferStatusAction({ threadId, filled: !isFilled }).catch(() => ({
          ok: false as const,
          error: "errors.network",
        }));
        setIsPending(false);
        if (!result.ok) return toast.show(translateKey(tRoot, result.error), "error");
        router.refresh();
      }}
    >
      {isFilled ? t("detail.reopen") : t("detail.markFilled")}
    </Button>
  );
}
