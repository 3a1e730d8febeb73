"use client";

import { useTranslations } from "next-intl";
import { ActionForm } from "@/components/moderation/action-form";
import { Button } from "@/components/ui/button";
import { updateBrandingAction } from "@/lib/actions/branding";
import type { Branding } from "@/lib/branding/defaults";
import { BrandingFields } from "./branding-fields";

/** The community's identity, for admins in the settings page. */
export function BrandingSettingsForm({ branding }: { branding: Branding }) {
  const t = useTranslations("branding");
  return (
    <ActionForm
      action={updateBrandingAction}
      successMessage={t("saved")}
      className="flex flex-col gap-5"
      ariaLabel={t("title")}
    >
      {(form) => (
        <>
          <BrandingFields branding={branding} form={form} withMail />
          <Button type="submit" disabled={form.isPending} className="self-start">
            {t("save")}
          </Button>
        </>
      )}
    </ActionForm>
  );
}
