"use client";

import { useTranslations } from "next-intl";
import { refreshCommunityAction, unfollowCommunityAction } from "@/lib/actions/network";
import { Button } from "@/components/ui/button";
import { ActionForm } from "@/components/moderation/action-form";

/** "Actualiser" and "Ne plus suivre" for one followed community. */
export function CommunitySourceActions({ sourceId, name }: { sourceId: number; name: string }) {
  const t = useTranslations("network");
  return (
    <div className="flex flex-wrap gap-2">
      <ActionForm
        action={refreshCommunityAction}
        successMessage={(refresh) => (refresh.ok ? t("refreshed") : t("refreshFailed", { error: refresh.error }))}
        ariaLabel={t("refreshLabel", { name })}
      >
        {({ isPending }) => (
          <>
            <input type="hidden" name="sourceId" value={sourceId} />
            <Button type="submit" variant="secondary" disabled={isPending} aria-label={t("refreshLabel", { name })}>
              {t("refresh")}
            </Button>
          </>
        )}
      </ActionForm>
      <ActionForm action={unfollowCommunityAction} successMessage={t("removed")} ariaLabel={t("removeLabel", { name })}>
        {({ isPending }) => (
          <>
            <input type="hidden" name="sourceId" value={sourceId} />
            <Button type="submit" variant="secondary" disabled={isPending} aria-label={t("removeLabel", { name })}>
              {t("remove")}
            </Button>
          </>
        )}
      </ActionForm>
    </div>
  );
}
