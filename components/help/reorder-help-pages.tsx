"use client";

import { ArrowDown, ArrowUp } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { reorderHelpPagesAction } from "@/lib/actions/help";
import type { HelpAudience } from "@/lib/domain/help";
import { translateKey } from "@/lib/i18n/translate-key";
import { Button } from "@/components/ui/button";
import { useToast } from "@/components/ui/toast";

type Page = { id: number; slug: string; title: string };

/** The admins' list of one audience's pages: each link with buttons to move it up or down. */
export function ReorderHelpPages({ audience, pages, label }: { audience: HelpAudience; pages: Page[]; label: string }) {
  const t = useTranslations("help");
  const tRoot = useTranslations();
  const toast = useToast();
  const router = useRouter();
  const [order, setOrder] = useState(pages);
  const [isPending, setIsPending] = useState(false);

  const move = async (index: number, step: -1 | 1) => {
    const next = [...order];
    const [page] = next.splice(index, 1);
    next.splice(index + step, 0, page!);
    const previous = order;
    setOrder(next);
    setIsPending(true);
    const result = await reorderHelpPagesAction({ audience, ids: next.map((item) => item.id) }).catch(() => ({
      ok: false as const,
      error: "errors.network",
    }));
    setIsPending(false);
    if (!result.ok) {
      setOrder(previous);
      toast.show(translateKey(tRoot, result.error), "error");
      return;
    }
    toast.show(t("reordered"));
    router.refresh();
  };

  return (
    <ul aria-label={label} className="divide-y divide-line overflow-hidden rounded-2xl border border-line bg-white">
      {order.map((page, index) => (
        <li key={page.id} className="flex items-center gap-1 pr-1">
          <Link
            href={`/aide/${page.slug}`}
            className="flex min-h-12 flex-1 items-center px-4 py-2 font-semibold text-ink no-underline hover:bg-sand"
          >
            {page.title}
          </Link>
          <Button
            variant="ghost"
            size="sm"
            className="min-h-11 min-w-11 px-0"
            disabled={isPending || index === 0}
            aria-label={t("moveUp", { title: page.title })}
            onClick={() => void move(index, -1)}
          >
            <ArrowUp aria-hidden="true" className="size-4" />
          </Button>
          <Button
            variant="ghost"
            size="sm"
            className="min-h-11 min-w-11 px-0"
            disabled={isPending || index === order.length - 1}
            aria-label={t("moveDown", { title: page.title })}
            onClick={() => void move(index, 1)}
          >
            <ArrowDown aria-hidden="true" className="size-4" />
          </Button>
        </li>
      ))}
    </ul>
  );
}
