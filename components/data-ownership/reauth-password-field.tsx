"use client";

import { useTranslations } from "next-intl";
import { TextField } from "@/components/ui/field";

/** "Your password again" before an export or an erasure (the server checks it). */
export function ReauthPasswordField({ errors }: { errors?: string[] }) {
  const t = useTranslations("dataOwnership");
  return (
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
  );
}
