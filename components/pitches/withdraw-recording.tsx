"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { useTranslations } from "next-intl";
import { sendJson } from "@/components/reviews/send-json";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

/** The pitch's author deletes their recording for good (after confirming); the text and the feedback stay. */
export function WithdrawRecording({ threadId }: { threadId: number }) {
  const t = useTranslations("review");
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [isBusy, setIsBusy] = useState(false);

  async function withdraw() {
    if (!window.confirm(t("pitch.withdrawConfirm"))) return;
    setError(null);
    setIsBusy(true);
    const result = await sendJson(`/api/v1/reviews/${threadId}/versions/1/file`, "DELETE");
    if (result.ok) router.refresh();
    else {
      setIsBusy(false);
      setError(result.message ?? t("networkError"));
    }
  }

  return (
    <div className="flex flex-col gap-2">
      {error ? <Alert tone="error">{error}</Alert> : null}
      <Button variant="ghost" size="sm" className="self-start" disabled={isBusy} onClick={() => void withdraw()}>
        {t("pitch.withdraw")}
      </Button>
    </div>
  );
}
