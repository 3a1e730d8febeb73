"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { requestExportAction } from "@/lib/actions/data-ownership";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useFormState } from "@/components/ui/form-state";
import { ReauthPasswordField } from "./reauth-password-field";

/** Asks for the password again, then starts (or finds the running) export. */
export function ExportRequestForm({ withCode = false }: { withCode?: boolean }) {
  const t = useTranslations("dataOwnership.export");
  const [state, action, isPending] = useActionState(requestExportAction, null);
  const { errorsFor, formError } = useFormState(state);
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      {state?.ok ? <Alert tone="success">{state.data.isNew ? t("started") : t("alreadyRunning")}</Alert> : null}
      <ReauthPasswordField errors={errorsFor("password")} withCode={withCode} codeErrors={errorsFor("code")} />
      <Button type="submit" disabled={isPending} className="self-start">
        {t("submit")}
      </Button>
    </form>
  );
}
