"use client";

import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { TextAreaField } from "@/components/ui/field";
import { reportMessageAction } from "@/lib/actions/messages";
import { translateKey } from "@/lib/i18n/translate-key";

/** "Signaler": the reason, and what the facilitators will see (this message and the few before it). */
export function ReportMessageButton({ messageId }: { messageId: number }) {
  const t = useTranslations("messages");
  const tRoot = useTranslations();
  const id = useId();
  const [isOpen, setIsOpen] = useState(false);
  const [reason, setReason] = useState("");
  const [errors, setErrors] = useState<string[] | undefined>();
  const [error, setError] = useState<string | null>(null);
  const [isDone, setIsDone] = useState(false);
  if (isDone) return <p className="text-sm text-success">{t("reported")}</p>;
  return (
    <>
      <Button variant="ghost" size="sm" onClick={() => setIsOpen(true)}>
        {t("report")}
      </Button>
      <Dialog open={isOpen} onClose={() => setIsOpen(false)} title={t("reportTitle")}>
        <form
          className="flex flex-col gap-3"
          onSubmit={async (event) => {
            event.preventDefault();
            const result = await reportMessageAction({ messageId, reason });
            if (result.ok) {
              setIsOpen(false);
              setIsDone(true);
              return;
            }
            setErrors(result.fieldErrors?.reason?.map((key) => translateKey(tRoot, key)));
            setError(result.fieldErrors ? null : translateKey(tRoot, result.error, result.errorValues));
          }}
        >
          <p className="text-sm text-muted">{t("reportHint")}</p>
          {error ? <Alert tone="error">{error}</Alert> : null}
          <TextAreaField
            id={`${id}-reason`}
            label={t("reportReason")}
            value={reason}
            maxLength={500}
            errors={errors}
            onChange={(event) => setReason(event.target.value)}
          />
          <div className="flex justify-end gap-2">
            <Button variant="ghost" onClick={() => setIsOpen(false)}>
              {t("cancel")}
            </Button>
            <Button type="submit">{t("sendReport")}</Button>
          </div>
        </form>
      </Dialog>
    </>
  );
}
