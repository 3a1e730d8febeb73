"use client";

import { useTranslations } from "next-intl";
import { BrandingFields } from "@/components/branding/branding-fields";
import { ActionForm } from "@/components/moderation/action-form";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { completeSetupAction } from "@/lib/actions/setup";
import type { Branding } from "@/lib/branding/defaults";

type Template = { id: "propulse" | "entraide"; name: string; description: string };

/** Radio buttons in a fieldset, the value kept after a refused submit. */
function Choice({
  legend,
  hint,
  name,
  options,
  selected,
}: {
  legend: string;
  hint?: string;
  name: string;
  options: { value: string; label: string; description?: string }[];
  selected: string;
}) {
  return (
    <fieldset className="flex flex-col gap-2">
      <legend className="mb-1 text-sm font-semibold">{legend}</legend>
      {hint ? <p className="text-sm text-muted">{hint}</p> : null}
      {options.map((option) => (
        <label key={option.value} className="flex items-start gap-2">
          <input
            type="radio"
            name={name}
            value={option.value}
            defaultChecked={selected === option.value}
            className="mt-1 size-4 accent-teal"
          />
          <span>
            <span className="font-semibold">{option.label}</span>
            {option.description ? <span className="block text-sm text-muted">{option.description}</span> : null}
          </span>
        </label>
      ))}
    </fieldset>
  );
}

/** The setup wizard: one page, four groups, everything editable later in the settings. */
export function SetupForm({ branding, templates }: { branding: Branding; templates: Template[] }) {
  const t = useTranslations("setup");
  return (
    <ActionForm action={completeSetupAction} className="flex flex-col gap-8" ariaLabel={t("title")}>
      {(form) => (
        <>
          <fieldset className="flex flex-col gap-4">
            <legend className="mb-2 text-lg font-extrabold">{t("identityLegend")}</legend>
            <BrandingFields branding={branding} form={form} withMail={false} />
          </fieldset>
          <fieldset className="flex flex-col gap-4">
            <legend className="mb-1 text-lg font-extrabold">{t("adminLegend")}</legend>
            <p className="text-sm text-muted">{t("adminHint")}</p>
            <TextField
              id="adminName"
              label={t("adminName")}
              autoComplete="name"
              maxLength={60}
              defaultValue={form.valueOf("adminName")}
              errors={form.errorsFor("adminName")}
            />
            <TextField
              id="adminEmail"
              label={t("adminEmail")}
              type="email"
              autoComplete="email"
              maxLength={254}
              defaultValue={form.valueOf("adminEmail")}
              errors={form.errorsFor("adminEmail")}
            />
            <TextField
              id="adminPassword"
              label={t("adminPassword")}
              hint={t("adminPasswordHint")}
              type="password"
              autoComplete="new-password"
              maxLength={128}
              errors={form.errorsFor("adminPassword")}
            />
          </fieldset>
          <Choice
            legend={t("modeLegend")}
            name="mode"
            selected={form.valueOf("mode") ?? "closed"}
            options={[
              { value: "closed", label: t("modeClosed") },
              { value: "invitation", label: t("modeInvitation") },
              { value: "open", label: t("modeOpen") },
            ]}
          />
          <Choice
            legend={t("templateLegend")}
            hint={t("templateHint")}
            name="template"
            selected={form.valueOf("template") ?? "propulse"}
            options={templates.map((template) => ({
              value: template.id,
              label: template.name,
              description: template.description,
            }))}
          />
          <Button type="submit" disabled={form.isPending} className="self-start">
            {t("submit")}
          </Button>
        </>
      )}
    </ActionForm>
  );
}
