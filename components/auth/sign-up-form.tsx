"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { signUpAction } from "@/lib/actions/auth";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextAreaField, TextField } from "@/components/ui/field";
import { useFormState } from "@/components/ui/form-state";

type SignUpFormProps = {
  /** The admission questions to answer (closed community without invitation); empty otherwise. */
  questions?: { id: string; label: string }[];
  /** A valid invitation token from the link: the account is admitted without questions. */
  invitation?: string | null;
};

export function SignUpForm({ questions = [], invitation = null }: SignUpFormProps) {
  const t = useTranslations("auth");
  const tAdmission = useTranslations("admission");
  const tPrivacy = useTranslations("dataOwnership");
  const [state, action, isPending] = useActionState(signUpAction, null);
  const { errorsFor, formError, valueOf } = useFormState(state);
  if (state?.ok) {
    return (
      <Alert tone="success">
        <p className="font-bold">{t("checkInboxTitle")}</p>
        <p className="mt-1 font-normal">
          {state.data.isPending
            ? tAdmission("checkInboxPending", { email: state.data.email })
            : t("checkInboxSignUp", { email: state.data.email })}
        </p>
      </Alert>
    );
  }
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      {invitation ? <input type="hidden" name="invitation" value={invitation} /> : null}
      <TextField
        id="name"
        label={t("name")}
        autoComplete="name"
        required
        defaultValue={valueOf("name")}
        errors={errorsFor("name")}
      />
      <TextField
        id="email"
        type="email"
        label={t("email")}
        autoComplete="email"
        required
        defaultValue={valueOf("email")}
        errors={errorsFor("email")}
      />
      <TextField
        id="password"
        type="password"
        label={t("password")}
        hint={t("passwordHint")}
        autoComplete="new-password"
        required
        errors={errorsFor("password")}
      />
      {questions.length > 0 ? (
        <fieldset className="flex flex-col gap-4 rounded-xl border border-line p-4">
          <legend className="px-1 text-sm font-bold">{tAdmission("questionsLegend")}</legend>
          {questions.map((question) => (
            <TextAreaField
              key={question.id}
              id={`answer_${question.id}`}
              label={question.label}
              required
              maxLength={1000}
              className="min-h-20"
              defaultValue={valueOf(`answer_${question.id}`)}
              errors={errorsFor(`answer_${question.id}`)}
            />
          ))}
        </fieldset>
      ) : null}
      <p className="text-sm text-muted">
        {tPrivacy.rich("signUpNote", {
          link: (chunks) => (
            <a href="/confidentialite" className="font-semibold text-teal underline">
              {chunks}
            </a>
          ),
        })}
      </p>
      <Button type="submit" disabled={isPending}>
        {isPending ? t("signingUp") : t("signUpButton")}
      </Button>
    </form>
  );
}
