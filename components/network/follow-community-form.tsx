"use client";

import { useTranslations } from "next-intl";
import { followCommunityAction } from "@/lib/actions/network";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { ActionForm } from "@/components/moderation/action-form";

/** Adds another community to follow; its offers are read at once and the outcome shown here. */
export function FollowCommunityForm() {
  const t = useTranslations("network");
  return (
    <ActionForm
      action={followCommunityAction}
      successMessage={(refresh) =>
        refresh.ok ? t("added", { count: refresh.kept }) : t("addedWithError", { error: refresh.error })
      }
      className="flex flex-col gap-4"
      ariaLabel={t("addTitle")}
    >
      {({ errorsFor, valueOf, isPending, data }) => (
        <>
          {data && !data.ok ? <Alert tone="error">{t("addedWithError", { error: data.error })}</Alert> : null}
          <TextField
            id="name"
            label={t("name")}
            hint={t("nameHint")}
            required
            maxLength={80}
            defaultValue={valueOf("name")}
            errors={errorsFor("name")}
          />
          <TextField
            id="url"
            type="url"
            inputMode="url"
            label={t("url")}
            hint={t("urlHint")}
            required
            maxLength={300}
            defaultValue={valueOf("url")}
            errors={errorsFor("url")}
          />
          <Button type="submit" disabled={isPending} className="self-start">
            {t("add")}
          </Button>
        </>
      )}
    </ActionForm>
  );
}
