"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { useToast } from "@/components/ui/toast";
import { deleteOfferSearchAction } from "@/lib/actions/notifications";
import { translateKey } from "@/lib/i18n/translate-key";

/** The member's saved offer searches: each opens the filtered page, or is deleted. */
export function SavedSearchList({ searches }: { searches: { id: number; query: string; label: string }[] }) {
  const t = useTranslations("notifications.preferences");
  const tRoot = useTranslations();
  const toast = useToast();
  const [items, setItems] = useState(searches);
  const [isPending, startTransition] = useTransition();
  if (items.length === 0) return <p className="text-sm text-muted">{t("savedSearchesEmpty")}</p>;
  return (
    <ul className="flex flex-col divide-y divide-line rounded-xl border border-line bg-white">
      {items.map((search) => (
        <li key={search.id} className="flex items-center justify-between gap-3 px-3 py-2">
          <Link
            href={`/c/offres${search.query ? `?${search.query}` : ""}`}
            className="font-semibold text-teal underline"
          >
            {search.label}
          </Link>
          <Button
            variant="ghost"
            size="sm"
            disabled={isPending}
            onClick={() =>
              startTransition(async () => {
                const result = await deleteOfferSearchAction({ id: search.id });
                if (!result.ok) return toast.show(translateKey(tRoot, result.error), "error");
                setItems((current) => current.filter((item) => item.id !== search.id));
                toast.show(t("searchDeleted"));
              })
            }
          >
            {t("deleteSearch")}
          </Button>
        </li>
      ))}
    </ul>
  );
}
