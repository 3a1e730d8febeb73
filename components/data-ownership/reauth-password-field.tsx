"use client";

import { useTranslations } from "next-intl";
import { TextField } from "@/components/ui/field";

/** "Your password again" before an export or an erasure (the server checks it). */
export function ReauthPasswordField({
  errors,
  withCode = false,
  codeErrors,
}: {
  errors?: string[];
  /** The account uses two-factor sign-in: its code is asked too. */
  withCode?: boolean;
  codeErrors?: string[];
}) {
  const t = useTranslations("dataOwnership");
  const tSecurity = useTranslations("security");
  return (
    <>
      <TextField
        id="password"
        name="password"
        type="password"
        label={t("password")}
        hint={t("passwordHint")}
        autoComplete="current-password"
        required
        errors={errors}
      />
      {withCode ? (
        <TextField
          id="code"
          name="code"
          label={tSecurity("code")}
          autoComplete="one-time-code"
          inputMode="numeric"
          required
          errors={codeErrors}
        />
      ) : null}
    </>
  );
}
