"use client";

import { useActionState, useEffect } from "react";
import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { useFormState } from "@/components/ui/form-state";
import { useToast } from "@/components/ui/toast";
import { updateMessagingSettingsAction } from "@/lib/actions/messages";
import { AVAILABILITY_NOTE_MAX } from "@/lib/domain/conversations";

type Settings = { acceptsNewConversations: boolean; availabilityNote: string; buddyCapacity: number };

/** Pros choose whether members may start conversations with them; anyone may volunteer as a buddy. */
export function MessagingSettingsForm({ settings, isPro }: { settings: Settings; isPro: boolean }) {
  const t = useTranslations("messages");
  const toast = useToast();
  const [state, action, isPending] = useActionState(updateMessagingSettingsAction, null);
  const { errorsFor, formError, valueOf } = useFormState(state);
  useEffect(() => {
    if (state?.ok) toast.show(t("saved"));
  }, [state]); // eslint-disable-line react-hooks/exhaustive-deps
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      {isPro ? (
        <>
          <label className="flex min-h-11 items-start gap-3">
            <input
              type="checkbox"
              name="acceptsNewConversations"
              className="mt-0.5 size-5 accent-brand"
              defaultChecked={
                valueOf("availabilityNote") !== undefined
                  ? valueOf("acceptsNewConversations") === "on"
                  : settings.acceptsNewConversations
              }
            />
            <span className="font-semibold">{t("acceptsNew")}</span>
          </label>
          <TextField
            id="availabilityNote"
            name="availabilityNote"
            label={t("availabilityNote")}
            hint={t("availabilityHint")}
            maxLength={AVAILABILITY_NOTE_MAX}
            defaultValue={valueOf("availabilityNote") ?? settings.availabilityNote}
            errors={errorsFor("availabilityNote")}
          />
        </>
      ) : (
        <input type="hidden" name="availabilityNote" value={settings.availabilityNote} />
      )}
      <TextField
        id="buddyCapacity"
        name="buddyCapacity"
        type="number"
        min={0}
        max={5}
        inputMode="numeric"
        label={t("buddyCapacity")}
        defaultValue={valueOf("buddyCapacity") ?? String(settings.buddyCapacity)}
        errors={errorsFor("buddyCapacity")}
      />
      <Button type="submit" disabled={isPending} className="self-start">
        {t("save")}
      </Button>
    </form>
  );
}
