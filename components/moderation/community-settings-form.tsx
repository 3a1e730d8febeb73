"use client";

import { useTranslations } from "next-intl";
import { updateCommunitySettingsAction } from "@/lib/actions/moderation";
import { Button } from "@/components/ui/button";
import { TextAreaField } from "@/components/ui/field";
import { ActionForm } from "./action-form";

type Props = { mode: "open" | "closed" | "invitation"; questions: string[]; maxQuestions: number };

/** Open or closed admission, and the questions newcomers answer in closed mode. */
export function CommunitySettingsForm({ mode, questions, maxQuestions }: Props) {
  const t = useTranslations("admission");
  return (
    <ActionForm
      action={updateCommunitySettingsAction}
      successMessage={t("settingsSaved")}
      className="flex flex-col gap-5"
      ariaLabel={t("settingsTitle")}
    >
      {({ errorsFor, valueOf, isPending }) => (
        <>
          <fieldset className="flex flex-col gap-2">
            <legend className="mb-1 text-sm font-semibold">{t("modeLegend")}</legend>
            {(["closed", "invitation", "open"] as const).map((value) => (
              <label key={value} className="flex items-start gap-2">
                <input
                  type="radio"
                  name="mode"
                  value={value}
                  defaultChecked={(valueOf("mode") ?? mode) === value}
                  className="mt-1 size-4 accent-teal"
                />
                <span>
                  {value === "closed" ? t("modeClosed") : value === "invitation" ? t("modeInvitation") : t("modeOpen")}
                </span>
              </label>
            ))}
          </fieldset>
          <TextAreaField
            id="questions"
            label={t("questionsLabel")}
            hint={t("questionsHint", { max: maxQuestions })}
            className="min-h-40"
            maxLength={4000}
            defaultValue={valueOf("questions") ?? questions.join("\n")}
            errors={errorsFor("questions")}
          />
          <Button type="submit" disabled={isPending} className="self-start">
            {t("save")}
          </Button>
        </>
      )}
    </ActionForm>
  );
}
