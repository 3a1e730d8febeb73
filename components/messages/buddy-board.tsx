"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/field";
import { useFormState } from "@/components/ui/form-state";
import { endBuddiesAction, pairBuddiesAction } from "@/lib/actions/messages";

type Option = { id: string; name: string };

/** Choose a newcomer and a volunteer with room left; pairing again re-pairs the newcomer. */
export function BuddyPairForm({
  newcomers,
  volunteers,
}: {
  newcomers: Option[];
  volunteers: (Option & { left: number })[];
}) {
  const t = useTranslations("messages.buddies");
  const [state, action, isPending] = useActionState(pairBuddiesAction, null);
  const { errorsFor, formError } = useFormState(state);
  return (
    <form action={action} className="flex flex-col gap-3" noValidate>
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      {state?.ok ? <Alert tone="success">{t("paired")}</Alert> : null}
      <SelectField
        id="newcomerId"
        label={t("newcomer")}
        errors={errorsFor("newcomerId")}
        defaultValue=""
        placeholder={t("choose")}
        options={newcomers.map((newcomer) => ({ value: newcomer.id, label: newcomer.name }))}
      />
      <SelectField
        id="buddyId"
        label={t("volunteer")}
        errors={errorsFor("buddyId")}
        defaultValue=""
        placeholder={t("choose")}
        options={volunteers.map((volunteer) => ({
          value: volunteer.id,
          label: t("volunteerOption", { name: volunteer.name, left: volunteer.left }),
        }))}
      />
      <Button type="submit" disabled={isPending} className="self-start">
        {t("pair")}
      </Button>
    </form>
  );
}

export function EndPairButton({ pairId }: { pairId: number }) {
  const t = useTranslations("messages.buddies");
  const router = useRouter();
  return (
    <Button
      variant="secondary"
      size="sm"
      onClick={async () => {
        const result = await endBuddiesAction({ pairId });
        if (result.ok) router.refresh();
      }}
    >
      {t("end")}
    </Button>
  );
}
