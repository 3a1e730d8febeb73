"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { requestProAction } from "@/lib/actions/community";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { useFormState } from "@/components/ui/form-state";

/** Asks for the verified pro badge; prefilled from the profile; a refused submit keeps what was typed. */
export function ProRequestForm({ defaults }: { defaults: { organisation: string; expertise: string } }) {
  const t = useTranslations("pros");
  const [state, action, isPending] = useActionState(requestProAction, null);
  const { errorsFor, formError, valueOf } = useFormState(state);
  if (state?.ok) return <Alert tone="success">{t("requestSent")}</Alert>;
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      <TextField
        id="organisation"
        label={t("organisation")}
        required
        maxLength={120}
        autoComplete="organization"
        defaultValue={valueOf("organisation") ?? defaults.organisation}
        errors={errorsFor("organisation")}
      />
      <TextField
        id="jobTitle"
        label={t("jobTitle")}
        required
        maxLength={120}
        autoComplete="organization-title"
        defaultValue={valueOf("jobTitle")}
        errors={errorsFor("jobTitle")}
      />
      <TextField
        id="proofUrl"
        type="url"
        label={t("proofUrl")}
        hint={t("proofUrlHint")}
        required
        maxLength={500}
        inputMode="url"
        defaultValue={valueOf("proofUrl")}
        errors={errorsFor("proofUrl")}
      />
      <TextField
        id="expertise"
        label={t("expertise")}
        hint={t("expertiseHint")}
        required
        maxLength={400}
        defaultValue={valueOf("expertise") ?? defaults.expertise}
        errors={errorsFor("expertise")}
      />
      <Button type="submit" disabled={isPending} className="self-start">
        {isPending ? t("submitting") : t("submit")}
      </Button>
    </form>
  );
}
