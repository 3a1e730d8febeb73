import type { TranslationValues } from "next-intl";

/**
 * Translates a key known only at run time: an AppError or validation message key, or a key built
 * from a value (`contract.${kind}`). Typed keys make `t("unknown.key")` a type error; this is the
 * one place where a plain string is accepted, so the escape hatch stays visible and searchable.
 * The messages unit test keeps the French and English files in step.
 */
export function translateKey(
  t: (key: never, ...rest: never[]) => string,
  key: string,
  values?: TranslationValues,
): string {
  return (t as unknown as (key: string, values?: TranslationValues) => string)(key, values);
}
