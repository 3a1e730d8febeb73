"use client";

import { useTranslations } from "next-intl";
import { decideAdmissionAction, decideProRequestAction } from "@/lib/actions/moderation";
import { Button } from "@/components/ui/button";
import { SelectField, TextAreaField } from "@/components/ui/field";
import { ActionForm } from "./action-form";

type DecisionFormProps =
  | { kind: "pro"; requestId: number; name: string }
  | { kind: "admission"; userId: string; name: string; cohorts?: { id: number; name: string }[] };

/** Approve or refuse, with a message sent by email (required to refuse). */
export function DecisionForm(props: DecisionFormProps) {
  const t = useTranslations("moderation");
  const tCohorts = useTranslations("cohorts");
  const fieldId = props.kind === "pro" ? `message-pro-${props.requestId}` : `message-admission-${props.userId}`;
  return (
    <ActionForm
      action={props.kind === "pro" ? decideProRequestAction : decideAdmissionAction}
      successMessage={(data: { decision: string }) => (data.decision === "approve" ? t("approved") : t("refused"))}
      className="flex flex-col gap-3"
      ariaLabel={t("decisionFor", { name: props.name })}
    >
      {({ errorsFor, valueOf, isPending }) => (
        <>
          {props.kind === "pro" ? (
            <input type="hidden" name="requestId" value={props.requestId} />
          ) : (
            <input type="hidden" name="userId" value={props.userId} />
          )}
          <TextAreaField
            id={fieldId}
            name="message"
            label={t("decisionMessage")}
            hint={t("decisionMessageHint")}
            maxLength={1000}
            className="min-h-20"
            defaultValue={valueOf("message")}
            errors={errorsFor("message")}
          />
          {props.kind === "admission" && props.cohorts?.length ? (
            <SelectField
              id={`cohort-${props.userId}`}
              name="cohortId"
              label={tCohorts("admissionCohort")}
              placeholder={tCohorts("admissionNoCohort")}
              options={props.cohorts.map((cohort) => ({ value: String(cohort.id), label: cohort.name }))}
              defaultValue={valueOf("cohortId") ?? ""}
              errors={errorsFor("cohortId")}
            />
          ) : null}
          <div className="flex flex-wrap gap-2">
            <Button type="submit" name="decision" value="approve" disabled={isPending}>
              {t("approve")}
            </Button>
            <Button type="submit" name="decision" value="refuse" variant="secondary" disabled={isPending}>
              {t("refuse")}
            </Button>
          </div>
        </>
      )}
    </ActionForm>
  );
}
