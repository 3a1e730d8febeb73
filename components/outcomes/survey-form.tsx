"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect } from "react";
import { ActionForm } from "@/components/moderation/action-form";
import { Button } from "@/components/ui/button";
import { SelectField, TextAreaField } from "@/components/ui/field";
import { answerSurveyAction } from "@/lib/actions/surveys";
import { outcomeKinds } from "@/lib/domain/outcomes";
import { surveyHelps, surveySituations } from "@/lib/domain/surveys";

const optionClasses =
  "flex min-h-11 cursor-pointer items-center gap-2 rounded-lg border border-line px-3 py-2 has-[:checked]:border-teal has-[:checked]:bg-teal-soft has-[:focus-visible]:outline has-[:focus-visible]:outline-teal";

/** After answering: the page shows its thanks instead of the form. */
function AfterAnswer({ isDone }: { isDone: boolean }) {
  const router = useRouter();
  useEffect(() => {
    if (isDone) router.refresh();
  }, [isDone, router]);
  return null;
}

/**
 * The six-month survey: situation now, satisfaction 1–5, what helped (several), a comment. A
 * refused submit keeps every answer: values come back from the action (checkboxes one by one).
 */
export function SurveyForm() {
  const t = useTranslations("survey");
  const tKinds = useTranslations("outcomes.kinds");
  return (
    <ActionForm
      action={answerSurveyAction}
      ariaLabel={t("title")}
      successMessage={t("thanks")}
      className="flex flex-col gap-5"
    >
      {({ errorsFor, valueOf, isPending, data }) => {
        // The comment box is always sent: its value says a submit came back refused.
        const wasRefused = valueOf("comment") !== undefined;
        const satisfaction = valueOf("satisfaction") ?? "";
        const satisfactionErrors = errorsFor("satisfaction");
        return (
          <>
            <AfterAnswer isDone={data !== null} />
            <SelectField
              // React resets the form after the action; a <select> does not take its new defaultValue back
              // (seen in e2e), so it is remounted with the value that came back from the refused submit.
              key={`situation-${valueOf("situation") ?? ""}`}
              id="situation"
              label={t("situation")}
              placeholder={t("situationPlaceholder")}
              required
              options={surveySituations.map((value) => ({
                value,
                label:
                  value === "searching" ? t("situations.searching") : tKinds(value as (typeof outcomeKinds)[number]),
              }))}
              defaultValue={valueOf("situation") ?? ""}
              errors={errorsFor("situation")}
            />
            <fieldset
              className="flex flex-col gap-2"
              aria-describedby={satisfactionErrors ? "satisfaction-error" : undefined}
            >
              <legend className="mb-1 text-sm font-semibold text-ink">{t("satisfaction")}</legend>
              <div className="grid gap-2 sm:grid-cols-5">
                {(["1", "2", "3", "4", "5"] as const).map((score) => (
                  <label key={score} className={optionClasses}>
                    <input type="radio" name="satisfaction" value={score} defaultChecked={satisfaction === score} />
                    {t(`scores.${score}`)}
                  </label>
                ))}
              </div>
              {satisfactionErrors ? (
                <ul id="satisfaction-error" className="text-sm font-medium text-danger" aria-live="polite">
                  {satisfactionErrors.map((message) => (
                    <li key={message}>{message}</li>
                  ))}
                </ul>
              ) : null}
            </fieldset>
            <fieldset className="flex flex-col gap-2">
              <legend className="mb-1 text-sm font-semibold text-ink">{t("helped")}</legend>
              <div className="grid gap-2 sm:grid-cols-2">
                {surveyHelps.map((help) => (
                  <label key={help} className={optionClasses}>
                    <input
                      type="checkbox"
                      name={`helped_${help}`}
                      defaultChecked={wasRefused && valueOf(`helped_${help}`) === "on"}
                    />
                    {t(`helps.${help}`)}
                  </label>
                ))}
              </div>
            </fieldset>
            <TextAreaField
              id="comment"
              label={t("comment")}
              maxLength={2000}
              defaultValue={valueOf("comment") ?? ""}
              errors={errorsFor("comment")}
            />
            <div>
              <Button type="submit" disabled={isPending}>
                {t("submit")}
              </Button>
            </div>
          </>
        );
      }}
    </ActionForm>
  );
}
