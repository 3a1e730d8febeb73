"use client";

import { useTranslations } from "next-intl";
import { translateKey } from "@/lib/i18n/translate-key";

type FormState =
  | { ok: true }
  | {
      ok: false;
      error: string;
      fieldErrors?: Record<string, string[]>;
      values?: Record<string, string>;
      errorValues?: Record<string, string | number>;
    }
  | null;

/**
 * Reads an action result for a form: translated field errors, the form-level error, and the
 * values to put back after React resets the form (a refused submit keeps what was typed).
 */
export function useFormState(state: FormState) {
  const t = useTranslations();
  const failed = state && !state.ok ? state : null;
  return {
    errorsFor: (field: string) => failed?.fieldErrors?.[field]?.map((key) => translateKey(t, key)),
    formError:
      failed && failed.error !== "errors.invalid_form"
        ? translateKey(t, failed.error, failed.errorValues)
        : failed
          ? t("errors.invalid_form")
          : null,
    valueOf: (field: string) => failed?.values?.[field],
  };
}
