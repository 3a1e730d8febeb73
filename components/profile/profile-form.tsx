"use client";

import { useActionState, useEffect } from "react";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { updateProfileAction } from "@/lib/actions/settings";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextAreaField, TextField } from "@/components/ui/field";
import { useFormState } from "@/components/ui/form-state";
import { useToast } from "@/components/ui/toast";

type ProfileFormProps = {
  profile: {
    id: string;
    name: string;
    headline: string;
    seeking: string;
    location: string;
    bio: string;
    organisation: string;
    expertise: string;
    isPro: boolean;
  };
};

export function ProfileForm({ profile }: ProfileFormProps) {
  const t = useTranslations("settings");
  const toast = useToast();
  const [state, action, isPending] = useActionState(updateProfileAction, null);
  const { errorsFor, formError, valueOf } = useFormState(state);
  // Once per successful submit: `state` is a new object each time the action returns.
  useEffect(() => {
    if (state?.ok) toast.show(t("profileSaved"));
  }, [state]); // eslint-disable-line react-hooks/exhaustive-deps
  // After a refused submit show what was typed; otherwise what is saved.
  const value = (field: keyof ProfileFormProps["profile"]) => valueOf(field) ?? String(profile[field]);
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      <TextField
        id="name"
        label={t("name")}
        autoComplete="name"
        required
        defaultValue={value("name")}
        errors={errorsFor("name")}
      />
      <TextField
        id="headline"
        label={t("headline")}
        hint={t("headlineHint")}
        defaultValue={value("headline")}
        errors={errorsFor("headline")}
      />
      <TextField
        id="seeking"
        label={t("seeking")}
        hint={t("seekingHint")}
        defaultValue={value("seeking")}
        errors={errorsFor("seeking")}
      />
      <TextField
        id="location"
        label={t("location")}
        hint={t("locationHint")}
        autoComplete="address-level2"
        defaultValue={value("location")}
        errors={errorsFor("location")}
      />
      <TextAreaField
        id="bio"
        label={t("bio")}
        hint={t("bioHint")}
        defaultValue={value("bio")}
        errors={errorsFor("bio")}
      />
      <TextField
        id="organisation"
        label={t("organisation")}
        hint={profile.isPro ? undefined : t("proOnlyHint")}
        defaultValue={value("organisation")}
        errors={errorsFor("organisation")}
      />
      <TextField
        id="expertise"
        label={t("expertise")}
        hint={t("expertiseHint")}
        defaultValue={value("expertise")}
        errors={errorsFor("expertise")}
      />
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={isPending}>
          {isPending ? t("saving") : t("save")}
        </Button>
        <Link href={`/u/${profile.id}`} className="font-semibold text-teal underline">
          {t("viewProfile")}
        </Link>
      </div>
    </form>
  );
}
