"use client";

import { useTranslations } from "next-intl";
import { dismissReportAction, hideReportedPostAction } from "@/lib/actions/moderation";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { ActionForm } from "./action-form";

/** What a facilitator can do with a report: hide the post (reason shown to its author) or dismiss it. */
export function ReportActions({ reportId, postId, isHidden }: { reportId: number; postId: number; isHidden: boolean }) {
  const t = useTranslations("moderation");
  return (
    <div className="flex flex-col gap-3 sm:flex-row sm:items-end">
      {isHidden ? null : (
        <ActionForm
          action={hideReportedPostAction}
          successMessage={t("hidden")}
          className="flex flex-1 flex-wrap items-end gap-2"
          ariaLabel={t("hideTitle")}
        >
          {({ errorsFor, valueOf, isPending }) => (
            <>
              <input type="hidden" name="postId" value={postId} />
              <div className="min-w-56 flex-1">
                <TextField
                  id={`hide-reason-${reportId}`}
                  name="reason"
                  label={t("hideReason")}
                  maxLength={500}
                  required
                  defaultValue={valueOf("reason")}
                  errors={errorsFor("reason")}
                />
              </div>
              <Button type="submit" variant="danger" disabled={isPending}>
                {t("hide")}
              </Button>
            </>
          )}
        </ActionForm>
      )}
      <ActionForm action={dismissReportAction} successMessage={t("dismissed")} ariaLabel={t("dismiss")}>
        {({ isPending }) => (
          <>
            <input type="hidden" name="reportId" value={reportId} />
            <Button type="submit" variant="secondary" disabled={isPending}>
              {t("dismiss")}
            </Button>
          </>
        )}
      </ActionForm>
    </div>
  );
}
