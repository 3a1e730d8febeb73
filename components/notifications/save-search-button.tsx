"use client";

import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { useToast } from "@/components/ui/toast";
import { saveOfferSearchAction } from "@/lib/actions/notifications";
import { translateKey } from "@/lib/i18n/translate-key";

type Filters = Parameters<typeof saveOfferSearchAction>[0];

/** "Enregistrer cette recherche": new offers matching the page's filters will notify the member. */
export function SaveSearchButton({ filters, isSaved }: { filters: Filters; isSaved: boolean }) {
  const t = useTranslations("notifications.savedSearch");
  const tRoot = useTranslations();
  const toast = useToast();
  const [saved, setSaved] = useState(isSaved);
  const [isPending, startTransition] = useTransition();
  if (saved) {
    return (
      <p className="text-sm font-semibold text-success" role="status">
        ✓ {t("alreadySaved")}
      </p>
    );
  }
  return (
    <Button
      variant="secondary"
      size="sm"
      disabled={isPending}
      onClick={() =>
        startTransition(async () => {
          const result = await saveOfferSearchAction(filters);
          if (!result.ok) return toast.show(translateKey(tRoot, result.error), "error");
          setSaved(true);
          toast.show(t("saved"));
        })
      }
    >
      {t("save")}
    </Button>
  );
}
