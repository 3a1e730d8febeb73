"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { submitCheckinAction } from "@/lib/actions/rhythm";
import { goalOutcomes, type CheckinQuestions } from "@/lib/domain/rhythm";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextAreaField, TextField } from "@/components/ui/field";
import { useFormState } from "@/components/ui/form-state";

type Props = { questions: CheckinQuestions; previousGoals: string[] };

/** The week's check-in: short fields, phone-first, nothing lost when a submit is refused. */
export function CheckinForm({ questions, previousGoals }: Props) {
  const t = useTranslations("checkin");
  const [state, action, isPending] = useActionState(submitCheckinAction, null);
  const { errorsFor, formError, valueOf } = useFormState(state);
  return (
    <form action={action} className="flex flex-col gap-5" noValidate>
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      <fieldset className="flex flex-col gap-3">
        <legend className="mb-2 text-base font-bold">{questions.goals}</legend>
        {[0, 1, 2].map((index) => (
          <TextField
            key={index}
            id={`goal${index}`}
            label={t("goalLabel", { number: index + 1 })}
            required={index === 0}
            maxLength={200}
            enterKeyHint="next"
            defaultValue={valueOf(`goal${index}`) ?? ""}
            errors={errorsFor(`goal${index}`)}
          />
        ))}
      </fieldset>
      {previousGoals.length ? (
        <fieldset className="flex flex-col gap-3">
          <legend className="mb-2 text-base font-bold">{questions.review}</legend>
          {previousGoals.map((goal, index) => (
            <fieldset key={index} className="rounded-xl border border-line bg-white p-3">
              <legend className="px-1 text-sm font-semibold">{goal}</legend>
              <div className="flex flex-wrap gap-2">
                {goalOutcomes.map((outcome) => (
                  <label
                    key={outcome}
                    className="flex min-h-11 cursor-pointer items-center gap-2 rounded-lg border border-line px-3 has-[:checked]:border-teal has-[:checked]:bg-teal-soft has-[:focus-visible]:outline has-[:focus-visible]:outline-teal"
                  >
                    <input
                      type="radio"
                      name={`review${index}`}
                      value={outcome}
                      defaultChecked={valueOf(`review${index}`) === outcome}
                    />
                    {t(`outcomes.${outcome}`)}
                  </label>
                ))}
              </div>
            </fieldset>
          ))}
        </fieldset>
      ) : null}
      <TextAreaField
        id="goodNews"
        label={questions.goodNews}
        hint={t("optional")}
        rows={2}
        className="min-h-0"
        maxLength={500}
        defaultValue={valueOf("goodNews") ?? ""}
        errors={errorsFor("goodNews")}
      />
      <TextAreaField
        id="difficulty"
        label={questions.difficulty}
        hint={t("optional")}
        rows={2}
        className="min-h-0"
        maxLength={500}
        defaultValue={valueOf("difficulty") ?? ""}
        errors={errorsFor("difficulty")}
      />
      <TextField
        id="helpWanted"
        label={questions.help}
        hint={t("helpHint")}
        maxLength={300}
        defaultValue={valueOf("helpWanted") ?? ""}
        errors={errorsFor("helpWanted")}
      />
      <label className="flex items-start gap-3 text-sm">
        <input
          type="checkbox"
          name="staffOnly"
          className="mt-1 size-4"
          defaultChecked={valueOf("staffOnly") === "on"}
        />
        <span>
          <span className="font-semibold">{t("staffOnly")}</span>
          <span className="block text-muted">{t("staffOnlyHint")}</span>
        </span>
      </label>
      <Button type="submit" disabled={isPending} className="self-start">
        {isPending ? t("publishing") : t("publish")}
      </Button>
    </form>
  );
}
