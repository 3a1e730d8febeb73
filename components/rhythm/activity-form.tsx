"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { editActivityAction, proposeActivityAction } from "@/lib/actions/rhythm";
import type { ActivityKind } from "@/lib/domain/rhythm";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { SelectField, TextAreaField, TextField } from "@/components/ui/field";
import { useFormState } from "@/components/ui/form-state";

export type ActivityFormValues = {
  id?: number;
  title: string;
  kind: string;
  description: string;
  startsAt: string;
  endsAt: string;
  place: string;
  visioUrl: string;
  capacity: string;
};

/** Proposing or editing an activity; times are typed in Paris time (said next to the fields). */
export function ActivityForm({
  initial,
  publishesDirectly,
  kinds,
}: {
  initial: ActivityFormValues;
  publishesDirectly: boolean;
  /** The programme's activity formats (lib/programme), in its order; an edited activity's own kind is kept. */
  kinds: readonly ActivityKind[];
}) {
  const t = useTranslations("activities");
  const [state, action, isPending] = useActionState(initial.id ? editActivityAction : proposeActivityAction, null);
  const { errorsFor, formError, valueOf } = useFormState(state);
  const value = (field: keyof ActivityFormValues) => valueOf(field) ?? String(initial[field] ?? "");
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      {initial.id ? <input type="hidden" name="activityId" value={initial.id} /> : null}
      <TextField
        id="title"
        label={t("fields.title")}
        required
        maxLength={120}
        defaultValue={value("title")}
        errors={errorsFor("title")}
      />
      <SelectField
        id="kind"
        label={t("fields.kind")}
        options={(kinds.includes(initial.kind as ActivityKind) || !initial.kind ? kinds : [initial.kind, ...kinds]).map(
          (kind) => ({ value: kind, label: t(`kinds.${kind}` as "kinds.atelier") }),
        )}
        defaultValue={value("kind") || kinds[0]}
        errors={errorsFor("kind")}
      />
      <TextAreaField
        id="description"
        label={t("fields.description")}
        hint={t("fields.descriptionHint")}
        maxLength={4000}
        defaultValue={value("description")}
        errors={errorsFor("description")}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          id="startsAt"
          type="datetime-local"
          label={t("fields.startsAt")}
          hint={t("fields.timeZoneHint")}
          required
          defaultValue={value("startsAt")}
          errors={errorsFor("startsAt")}
        />
        <TextField
          id="endsAt"
          type="datetime-local"
          label={t("fields.endsAt")}
          hint={t("fields.timeZoneHint")}
          required
          defaultValue={value("endsAt")}
          errors={errorsFor("endsAt")}
        />
      </div>
      <TextField
        id="place"
        label={t("fields.place")}
        hint={t("fields.placeHint")}
        maxLength={200}
        defaultValue={value("place")}
        errors={errorsFor("place")}
      />
      <TextField
        id="visioUrl"
        type="url"
        inputMode="url"
        label={t("fields.visioUrl")}
        hint={t("fields.visioHint")}
        defaultValue={value("visioUrl")}
        errors={errorsFor("visioUrl")}
      />
      <TextField
        id="capacity"
        type="number"
        inputMode="numeric"
        min={1}
        max={500}
        label={t("fields.capacity")}
        hint={t("fields.capacityHint")}
        defaultValue={value("capacity")}
        errors={errorsFor("capacity")}
      />
      {!initial.id ? (
        <p className="text-sm text-muted">{publishesDirectly ? t("publishesDirectly") : t("needsApproval")}</p>
      ) : null}
      <Button type="submit" disabled={isPending} className="self-start">
        {isPending ? t("saving") : initial.id ? t("save") : publishesDirectly ? t("publish") : t("propose")}
      </Button>
    </form>
  );
}
