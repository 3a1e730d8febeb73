"use client";

import { useTranslations } from "next-intl";
import { revokeInvitationAction } from "@/lib/actions/moderation";
import { Button } from "@/components/ui/button";
import { ActionForm } from "./action-form";

export function RevokeInvitation({ invitationId, label }: { invitationId: string; label: string }) {
  const t = useTranslations("admission");
  return (
    <ActionForm action={revokeInvitationAction} successMessage={t("revokedToast")} ariaLabel={label}>
      {({ isPending }) => (
        <>
          <input type="hidden" name="invitationId" value={invitationId} />
          <Button type="submit" size="sm" variant="secondary" disabled={isPending} aria-label={label}>
            {t("revoke")}
          </Button>
        </>
      )}
    </ActionForm>
  );
}
