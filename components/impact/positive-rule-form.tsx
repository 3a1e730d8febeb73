"use client";

import { useTranslations } from "next-intl";
import { ActionForm } from "@/components/moderation/action-form";
import { Button } from "@/components/ui/button";
import { savePositiveRuleAction } from "@/lib/actions/impact";
import { outcomeKinds, type OutcomeKind } from "@/lib/domain/outcomes";

/** Which kinds of outcome count as positive exits (the programme's default: CDI, CDD ≥ 6 mois…). */
export function PositiveRuleForm({ kinds }: { kinds: readonly OutcomeKind[] }) {
  const t = useTranslations("impact");
  const tKinds = useTranslations("outcomes.kinds");
  return (
    <ActionForm action={savePositiveRuleAction} successMessage={t("ruleSaved")} className="flex flex-col gap-3">
      {({ isPending }) => (
        <fieldset className="flex flex-col gap-2">
          <legend className="mb-1 text-sm text-muted">{t("ruleIntro")}</legend>
          <div className="grid gap-2 sm:grid-cols-2">
            {outcomeKinds.map((kind) => (
              <label key={kind} className="flex min-h-11 items-center gap-2">
                <input type="checkbox" name={kind} defaultChecked={kinds.includes(kind)} />
                {tKinds(kind)}
              </label>
            ))}
          </div>
          <Button type="submit" size="sm" disabled={isPending} className="self-start">
            {t("saveRule")}
          </Button>
        </fieldset>
      )}
    </ActionForm>
  );
}
