"use client";

import { useTranslations } from "next-intl";
import { ActionForm } from "@/components/moderation/action-form";
import { Button } from "@/components/ui/button";
import { SelectField, TextAreaField, TextField } from "@/components/ui/field";
import { saveCheckinSettingsAction } from "@/lib/actions/rhythm";
import type { CheckinQuestions } from "@/lib/domain/rhythm";

const QUESTION_KEYS = ["goals", "review", "goodNews", "difficulty", "help"] as const;
const DAYS = ["1", "2", "3", "4", "5", "6", "7"] as const;

/** The café's day and questions, edited by facilitators. */
export function CheckinSettingsForm({
  day,
  questions,
  nudgeMessage,
}: {
  day: number;
  questions: CheckinQuestions;
  nudgeMessage: string;
}) {
  const t = useTranslations("checkin.settings");
  return (
    <ActionForm action={saveCheckinSettingsAction} successMessage={t("saved")} className="flex flex-col gap-4">
      {({ errorsFor, valueOf, isPending }) => (
        <>
          <SelectField
            id="day"
            label={t("day")}
            options={DAYS.map((value) => ({ value, label: t(`days.${value}`) }))}
            defaultValue={valueOf("day") ?? String(day)}
            errors={errorsFor("day")}
          />
          {QUESTION_KEYS.map((key) => (
            <TextField
              key={key}
              id={key}
              label={t(`questions.${key}`)}
              maxLength={200}
              required
              defaultValue={valueOf(key) ?? questions[key]}
              errors={errorsFor(key)}
            />
          ))}
          <TextAreaField
            id="nudgeMessage"
            label={t("nudgeMessage")}
            hint={t("nudgeMessageHint")}
            maxLength={1000}
            defaultValue={valueOf("nudgeMessage") ?? nudgeMessage}
            errors={errorsFor("nudgeMessage")}
          />
          <Button type="submit" disabled={isPending} className="self-start">
            {t("save")}
          </Button>
        </>
      )}
    </ActionForm>
  );
}
