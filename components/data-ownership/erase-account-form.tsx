"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { eraseMyAccountAction } from "@/lib/actions/data-ownership";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useFormState } from "@/components/ui/form-state";
import { ReauthPasswordField } from "./reauth-password-field";

/** The member's own erasure: what happens to their posts, their password, an explicit confirmation. */
export function EraseAccountForm({ withCode = false }: { withCode?: boolean }) {
  const t = useTranslations("dataOwnership.erase");
  const [state, action, isPending] = useActionState(eraseMyAccountAction, null);
  const { errorsFor, formError, valueOf } = useFormState(state);
  const postsChoice = valueOf("posts") ?? "anonymise";
  const confirmErrors = errorsFor("confirm");
  return (
    <form action={action} className="flex flex-col gap-5" noValidate>
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      <fieldset className="flex flex-col gap-2">
        <legend className="mb-1 font-semibold">{t("postsLegend")}</legend>
        <label className="flex items-start gap-2">
          <input
            type="radio"
            name="posts"
            value="anonymise"
            defaultChecked={postsChoice === "anonymise"}
            className="mt-1"
          />
          <span>
            <span className="font-semibold">{t("postsAnonymise")}</span>
            <span className="block text-sm text-muted">{t("postsAnonymiseHint")}</span>
          </span>
        </label>
        <label className="flex items-start gap-2">
          <input type="radio" name="posts" value="delete" defaultChecked={postsChoice === "delete"} className="mt-1" />
          <span>
            <span className="font-semibold">{t("postsDelete")}</span>
            <span className="block text-sm text-muted">{t("postsDeleteHint")}</span>
          </span>
        </label>
      </fieldset>
      <ReauthPasswordField errors={errorsFor("password")} withCode={withCode} codeErrors={errorsFor("code")} />
      <div className="flex flex-col gap-1">
        <label className="flex items-start gap-2">
          <input
            type="checkbox"
            name="confirm"
            id="confirm"
            className="mt-1"
            aria-invalid={confirmErrors?.length ? true : undefined}
            aria-describedby={confirmErrors?.length ? "confirm-error" : undefined}
          />
          <span>{t("confirm")}</span>
        </label>
        {confirmErrors?.length ? (
          <p id="confirm-error" className="text-sm font-semibold text-danger">
            {confirmErrors.join(" ")}
          </p>
        ) : null}
      </div>
      <Button type="submit" variant="danger" disabled={isPending} className="py-2 whitespace-normal! sm:self-start">
        {isPending ? t("submitting") : t("submit")}
      </Button>
    </form>
  );
}
