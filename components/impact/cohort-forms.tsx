"use client";

import { useTranslations } from "next-intl";
import { ActionForm } from "@/components/moderation/action-form";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { JsonActionButton } from "@/components/ui/json-action-button";
import { createCohortAction, placeMemberAction, removeCohortMemberAction } from "@/lib/actions/impact";

/** A new cohort: name (promo), territory, start and end. */
export function CohortForm() {
  const t = useTranslations("cohorts");
  return (
    <ActionForm
      action={createCohortAction}
      successMessage={t("created")}
      ariaLabel={t("create")}
      className="flex flex-col gap-3"
    >
      {({ errorsFor, valueOf, isPending }) => (
        <>
          <div className="grid gap-3 sm:grid-cols-2">
            <TextField
              id="name"
              name="name"
              label={t("name")}
              required
              maxLength={80}
              defaultValue={valueOf("name")}
              errors={errorsFor("name")}
            />
            <TextField
              id="territory"
              name="territory"
              label={t("territory")}
              maxLength={80}
              defaultValue={valueOf("territory")}
              errors={errorsFor("territory")}
            />
            <TextField
              id="startsOn"
              name="startsOn"
              type="date"
              label={t("startsOn")}
              required
              defaultValue={valueOf("startsOn")}
              errors={errorsFor("startsOn")}
            />
            <TextField
              id="endsOn"
              name="endsOn"
              type="date"
              label={t("endsOn")}
              required
              defaultValue={valueOf("endsOn")}
              errors={errorsFor("endsOn")}
            />
          </div>
          <Button type="submit" disabled={isPending} className="self-start">
            {t("save")}
          </Button>
        </>
      )}
    </ActionForm>
  );
}

/** Places an admitted member in the cohort by e-mail. */
export function PlaceMemberForm({ cohortId }: { cohortId: number }) {
  const t = useTranslations("cohorts");
  return (
    <ActionForm
      action={placeMemberAction}
      successMessage={t("placed")}
      ariaLabel={t("place")}
      className="flex flex-wrap items-end gap-3"
    >
      {({ errorsFor, valueOf, isPending }) => (
        <>
          <input type="hidden" name="cohortId" value={cohortId} />
          <div className="min-w-64 flex-1">
            <TextField
              id="email"
              name="email"
              type="email"
              label={t("email")}
              required
              defaultValue={valueOf("email")}
              errors={errorsFor("email")}
            />
          </div>
          <Button type="submit" disabled={isPending}>
            {t("placeSubmit")}
          </Button>
        </>
      )}
    </ActionForm>
  );
}

export function RemoveFromCohortButton({ cohortId, userId, name }: { cohortId: number; userId: string; name: string }) {
  const t = useTranslations("cohorts");
  return (
    <JsonActionButton
      run={() => removeCohortMemberAction({ cohortId, userId })}
      done={t("removed")}
      label={`${t("remove")} : ${name}`}
    >
      {t("remove")}
    </JsonActionButton>
  );
}
