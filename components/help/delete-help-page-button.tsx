"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { deleteHelpPageAction } from "@/lib/actions/help";
import { translateKey } from "@/lib/i18n/translate-key";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { useToast } from "@/components/ui/toast";

/** Deletes a help page after a confirmation, then goes back to the index (the page is gone). */
export function DeleteHelpPageButton({ id, title }: { id: number; title: string }) {
  const t = useTranslations("help");
  const tRoot = useTranslations();
  const toast = useToast();
  const router = useRouter();
  const [isOpen, setIsOpen] = useState(false);
  const [isPending, setIsPending] = useState(false);

  const remove = async () => {
    setIsPending(true);
    const result = await deleteHelpPageAction({ id }).catch(() => ({ ok: false as const, error: "errors.network" }));
    setIsPending(false);
    if (!result.ok) {
      toast.show(translateKey(tRoot, result.error), "error");
      return;
    }
    setIsOpen(false);
    toast.show(t("deleted"));
    router.push("/aide");
  };

  return (
    <>
      <Button variant="ghost" className="text-danger" onClick={() => setIsOpen(true)}>
        {t("delete")}
      </Button>
      <Dialog open={isOpen} onClose={() => setIsOpen(false)} title={t("deletePage", { title })}>
        <p>{t("deleteConfirm", { title })}</p>
        <div className="mt-4 flex flex-wrap justify-end gap-2">
          <Button variant="secondary" onClick={() => setIsOpen(false)}>
            {t("cancel")}
          </Button>
          <Button variant="danger" disabled={isPending} onClick={() => void remove()}>
            {t("delete")}
          </Button>
        </div>
      </Dialog>
    </>
  );
}
