"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, type ReactNode } from "react";
import type { ActionResult } from "@/lib/action";
import { translateKey } from "@/lib/i18n/translate-key";
import { Button } from "./button";
import { useToast } from "./toast";

/**
 * A button running a JSON server action (`jsonAction`): optional confirmation, disabled while it
 * runs, a toast with the outcome (translated error on failure), then the page re-renders.
 */
export function JsonActionButton({
  run,
  confirm,
  done,
  children,
  label,
}: {
  run: () => Promise<ActionResult<unknown>>;
  /** Already translated; asked before running. */
  confirm?: string;
  /** Already translated; announced on success. */
  done: string;
  children: ReactNode;
  label?: string;
}) {
  const tRoot = useTranslations();
  const toast = useToast();
  const router = useRouter();
  const [isPending, setIsPending] = useState(false);
  return (
    <Button
      variant="ghost"
      size="sm"
      disabled={isPending}
      aria-label={label}
      onClick={async () => {
        if (confirm && !window.confirm(confirm)) return;
        setIsPending(true);
        const result = await run().catch(() => ({ ok: false as const, error: "errors.network" }));
        setIsPending(false);
        if (!result.ok) return toast.show(translateKey(tRoot, result.error), "error");
        toast.show(done);
        router.refresh();
      }}
    >
      {children}
    </Button>
  );
}
