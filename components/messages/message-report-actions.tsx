"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { closeMessageReportAction } from "@/lib/actions/messages";

/** Close a reported message: handled (after acting on the author's account) or dismissed. */
export function MessageReportActions({ reportId, authorName }: { reportId: number; authorName: string }) {
  const t = useTranslations("messages.reports");
  const router = useRouter();
  const close = async (outcome: "resolved" | "dismissed") => {
    const result = await closeMessageReportAction({ reportId, outcome });
    if (result.ok) router.refresh();
  };
  return (
    <div className="flex flex-wrap items-center gap-2">
      <Link
        href={`/moderation/members?${new URLSearchParams({ q: authorName })}`}
        className="text-sm font-semibold text-teal underline"
      >
        {t("authorAccount")}
      </Link>
      <Button size="sm" variant="secondary" onClick={() => void close("resolved")}>
        {t("resolve")}
      </Button>
      <Button size="sm" variant="ghost" onClick={() => void close("dismissed")}>
        {t("dismiss")}
      </Button>
    </div>
  );
}
