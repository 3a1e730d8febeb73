"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect } from "react";
import { ActionForm } from "@/components/moderation/action-form";
import { Button, ButtonLink } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { saveOutcomeAction } from "@/lib/actions/outcomes";
import { outcomeKinds, outcomeSharings } from "@/lib/domain/outcomes";

export type OutcomeFormDefaults = {
  id?: number;
  applicationId?: number;
  kind?: string;
  isEss?: boolean;
  organisation?: string;
  startsOn?: string;
  sharing?: string;
};

const optionClasses =
  "flex min-h-11 cursor-pointer items-center gap-2 rounded-lg border border-line px-3 py-2 has-[:checked]:border-teal has-[:checked]:bg-teal-soft has-[:focus-visible]:outline has-[:focus-visible]:outline-teal";

function FieldErrors({ id, errors }: { id: string; errors?: string[] }) {
  if (!errors?.length) return null;
  return (
    <ul id={id} className="text-sm font-medium text-danger" aria-live="polite">
      {errors.map((message) => (
        <li key={message}>{message}</li>
      ))}
    </ul>
  );
}

/** After a save: back to the page's list (a correction leaves the edit address). */
function AfterSave({ isDone }: { isDone: boolean }) {
  const router = useRouter();
  useEffect(() => {
    if (isDone) router.replace("/jai-trouve");
  }, [isDone, router]);
  return null;
}

/** "J'ai trouvé !": kind, ESS, organisation, start date and who may see it. */
export function OutcomeForm({ defaults, today }: { defaults: OutcomeFormDefaults; today: string }) {
  const t = useTranslations("outcomes");
  const isCorrection = defaults.id !== undefined;
  return (
    <ActionForm
      action={saveOutcomeAction}
      ariaLabel={isCorrection ? t("editTitle") : t("newTitle")}
      successMessage={(data) =>
        data.isCorrection ? t("corrected") : data.isCelebrated ? t("declaredCelebrated") : t("declared")
      }
      className="flex flex-col gap-4"
    >
      {({ errorsFor, valueOf, isPending, data }) => {
        const ess = valueOf("isEss") ?? (defaults.isEss === undefined ? "" : defaults.isEss ? "yes" : "no");
        const sharing = valueOf("sharing") ?? defaults.sharing ?? "";
        return (
          <>
            <AfterSave isDone={data !== null} />
            {defaults.id ? <input type="hidden" name="id" value={defaults.id} /> : null}
            {defaults.applicationId ? (
              <input type="hidden" name="applicationId" value={defaults.applicationId} />
            ) : null}
            <div className="grid gap-4 sm:grid-cols-2">
              <SelectField
                id="kind"
                label={t("kind")}
                placeholder={t("kindPlaceholder")}
                required
                options={outcomeKinds.map((kind) => ({ value: kind, label: t(`kinds.${kind}`) }))}
                defaultValue={valueOf("kind") ?? defaults.kind ?? ""}
                errors={errorsFor("kind")}
              />
              <TextField
                id="startsOn"
                name="startsOn"
                type="date"
                required
                max={today}
                label={t("startsOn")}
                defaultValue={valueOf("startsOn") ?? defaults.startsOn ?? ""}
                errors={errorsFor("startsOn")}
              />
            </div>
            <TextField
              id="organisation"
              name="organisation"
              maxLength={120}
              label={t("organisation")}
              defaultValue={valueOf("organisation") ?? defaults.organisation ?? ""}
              errors={errorsFor("organisation")}
            />
            <fieldset className="flex flex-col gap-2" aria-describedby={errorsFor("isEss") ? "isEss-error" : undefined}>
              <legend className="mb-1 text-sm font-semibold text-ink">{t("ess")}</legend>
              <div className="flex flex-wrap gap-2">
                {(["yes", "no"] as const).map((value) => (
                  <label key={value} className={optionClasses}>
                    <input type="radio" name="isEss" value={value} defaultChecked={ess === value} />
                    {value === "yes" ? t("essYes") : t("essNo")}
                  </label>
                ))}
              </div>
              <FieldErrors id="isEss-error" errors={errorsFor("isEss")} />
            </fieldset>
            <fieldset
              className="flex flex-col gap-2"
              aria-describedby={errorsFor("sharing") ? "sharing-error" : undefined}
            >
              <legend className="mb-1 text-sm font-semibold text-ink">{t("sharing")}</legend>
              {outcomeSharings.map((value) => (
                <label key={value} className={optionClasses}>
                  <input type="radio" name="sharing" value={value} defaultChecked={sharing === value} />
                  {t(`sharings.${value}`)}
                </label>
              ))}
              <FieldErrors id="sharing-error" errors={errorsFor("sharing")} />
            </fieldset>
            <div className="flex flex-wrap gap-3">
              <Button type="submit" disabled={isPending}>
                {isCorrection ? t("saveCorrection") : t("save")}
              </Button>
              {isCorrection ? (
                <ButtonLink href="/jai-trouve" variant="ghost">
                  {t("cancelCorrection")}
                </ButtonLink>
              ) : null}
            </div>
          </>
        );
      }}
    </ActionForm>
  );
}
