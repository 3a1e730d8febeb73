"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { TextAreaField, TextField } from "@/components/ui/field";
import { AA_NORMAL_TEXT, contrastRatio, isHexColor, TEXT_SURFACES } from "@/lib/branding/contrast";
import type { Branding } from "@/lib/branding/defaults";

type FormHelpers = {
  errorsFor: (field: string) => string[] | undefined;
  valueOf: (field: string) => string | undefined;
};

/** A colour picker that shows, as the admin picks, whether text stays readable on it (AA). */
function ColorField({ id, label, initial, errors }: { id: string; label: string; initial: string; errors?: string[] }) {
  const t = useTranslations("branding");
  const [color, setColor] = useState(initial);
  const ratio = isHexColor(color) ? Math.min(...TEXT_SURFACES.map((surface) => contrastRatio(color, surface.hex))) : 0;
  const isReadable = ratio >= AA_NORMAL_TEXT;
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-semibold">
        {label}
      </label>
      <div className="flex items-center gap-3">
        <input
          id={id}
          name={id}
          type="color"
          value={color}
          onChange={(event) => setColor(event.target.value)}
          aria-describedby={`${id}-contrast${errors?.length ? ` ${id}-error` : ""}`}
          aria-invalid={errors?.length ? true : undefined}
          className="h-10 w-16 cursor-pointer rounded-lg border border-line bg-white"
        />
        <span className="rounded-lg px-3 py-1.5 text-sm font-semibold text-white" style={{ background: color }}>
          {t("sample")}
        </span>
      </div>
      <p id={`${id}-contrast`} aria-live="polite" className={isReadable ? "text-sm text-muted" : "text-sm text-danger"}>
        {t(isReadable ? "contrastOk" : "contrastLow", { ratio: ratio.toFixed(1).replace(".", ",") })}
      </p>
      {errors?.length ? (
        <p id={`${id}-error`} className="text-sm font-semibold text-danger">
          {errors.join(" ")}
        </p>
      ) : null}
    </div>
  );
}

/**
 * The identity fields shared by the setup wizard and the settings page. `withMail` adds the
 * e-mail sender, signature and footer text (the wizard leaves them to their defaults).
 */
export function BrandingFields({
  branding,
  form,
  withMail,
}: {
  branding: Branding;
  form: FormHelpers;
  withMail: boolean;
}) {
  const t = useTranslations("branding");
  const { errorsFor, valueOf } = form;
  const text = (id: Exclude<keyof Branding, "logo">, maxLength: number, hint?: string) => (
    <TextField
      id={id}
      label={t(`fields.${id}`)}
      hint={hint}
      maxLength={maxLength}
      defaultValue={valueOf(id) ?? (branding[id] as string)}
      errors={errorsFor(id)}
    />
  );
  return (
    <>
      {text("name", 60)}
      <TextAreaField
        id="description"
        label={t("fields.description")}
        hint={t("hints.description")}
        maxLength={300}
        defaultValue={valueOf("description") ?? branding.description}
        errors={errorsFor("description")}
      />
      {text("territory", 80, t("hints.territory"))}
      {text("organisation", 120)}
      <fieldset className="flex flex-col gap-3">
        <legend className="mb-1 text-sm font-semibold">{t("colorsLegend")}</legend>
        <p className="text-sm text-muted">{t("colorsHint")}</p>
        <div className="grid gap-4 sm:grid-cols-2">
          <ColorField
            id="primaryColor"
            label={t("fields.primaryColor")}
            initial={valueOf("primaryColor") ?? branding.primaryColor}
            errors={errorsFor("primaryColor")}
          />
          <ColorField
            id="secondaryColor"
            label={t("fields.secondaryColor")}
            initial={valueOf("secondaryColor") ?? branding.secondaryColor}
            errors={errorsFor("secondaryColor")}
          />
        </div>
      </fieldset>
      {withMail ? (
        <>
          {text("emailSenderName", 60, t("hints.emailSenderName"))}
          {text("emailSignature", 200, t("hints.emailSignature"))}
          <TextAreaField
            id="footerText"
            label={t("fields.footerText")}
            hint={t("hints.footerText")}
            maxLength={300}
            defaultValue={valueOf("footerText") ?? branding.footerText}
            errors={errorsFor("footerText")}
          />
        </>
      ) : null}
    </>
  );
}
