"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useActionState, useEffect, useState } from "react";
import {
  removeApplicationAction,
  setApplicationStageAction,
  updateApplicationAction,
} from "@/lib/actions/applications";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button, ButtonLink } from "@/components/ui/button";
import { SelectField, TextAreaField, TextField } from "@/components/ui/field";
import { useFormState } from "@/components/ui/form-state";
import { useToast } from "@/components/ui/toast";
import { applicationStatuses, type ApplicationStatus } from "@/lib/offers/constants";
import { translateKey } from "@/lib/i18n/translate-key";

export type ApplicationCardEntry = {
  id: number;
  status: ApplicationStatus;
  appliedOn: string | null;
  interviewOn: string | null;
  decidedOn: string | null;
  note: string;
  updatedAt: string;
  offer: { href: string; title: string; line: string; isClosed: boolean };
};

const statusTone: Record<ApplicationStatus, "neutral" | "teal" | "brand" | "danger" | "success"> = {
  to_apply: "neutral",
  applied: "teal",
  interview: "brand",
  rejected: "danger",
  accepted: "success",
};

/** One tracked application: its step, dates and private note, saved with a server action. */
export function ApplicationCard({ entry }: { entry: ApplicationCardEntry }) {
  const t = useTranslations("offers");
  const tRoot = useTranslations();
  const tOutcomes = useTranslations("outcomes");
  const toast = useToast();
  const router = useRouter();
  const [state, action, isPending] = useActionState(updateApplicationAction, null);
  const { errorsFor, formError, valueOf } = useFormState(state);
  const [isRemoving, setIsRemoving] = useState(false);
  useEffect(() => {
    if (state?.ok) toast.show(t("applications.saved"));
  }, [state]); // eslint-disable-line react-hooks/exhaustive-deps
  const value = (field: "status" | "appliedOn" | "interviewOn" | "decidedOn" | "note") =>
    valueOf(field) ?? String(entry[field] ?? "");
  const headingId = `application-${entry.id}`;
  const [isMoving, setIsMoving] = useState(false);
  const snapshot = {
    id: entry.id,
    status: entry.status,
    appliedOn: entry.appliedOn,
    interviewOn: entry.interviewOn,
    decidedOn: entry.decidedOn,
    note: entry.note,
  };
  /** One tap moves the application; the toast offers to put it back exactly as it was. */
  const moveTo = async (status: ApplicationStatus) => {
    setIsMoving(true);
    const result = await setApplicationStageAction({ ...snapshot, status }).catch(() => ({
      ok: false as const,
      error: "errors.network",
    }));
    setIsMoving(false);
    if (!result.ok) return toast.show(translateKey(tRoot, result.error), "error");
    toast.show(t("applications.moved", { status: t(`status.${status}`) }), "success", {
      label: t("applications.undo"),
      onClick: () =>
        void setApplicationStageAction(snapshot).then((undone) => {
          if (undone.ok) toast.show(t("applications.undone"));
          router.refresh();
        }),
    });
    router.refresh();
  };
  const field = (name: string) => `${name}-${entry.id}`;

  return (
    <article
      aria-labelledby={headingId}
      className="flex flex-col gap-3 rounded-2xl border border-line bg-white p-4 shadow-sm sm:p-5"
    >
      <p className="flex flex-wrap items-center gap-2">
        <span className="sr-only">{t("applications.currentStatus")}</span>
        <Badge tone={statusTone[entry.status]}>{t(`status.${entry.status}`)}</Badge>
        {entry.offer.isClosed ? <Badge>{t("applications.offerClosed")}</Badge> : null}
      </p>
      <h3 id={headingId} className="text-lg font-bold leading-snug">
        <Link href={entry.offer.href} className="text-ink hover:text-brand hover:underline">
          {entry.offer.title}
        </Link>
      </h3>
      <p className="text-sm text-muted">{entry.offer.line}</p>
      <div role="group" aria-label={t("applications.moveTo")} className="flex flex-wrap gap-1.5">
        {applicationStatuses.map((status) => (
          <button
            key={status}
            type="button"
            aria-pressed={entry.status === status}
            disabled={isMoving || entry.status === status}
            onClick={() => void moveTo(status)}
            className={
              entry.status === status
                ? "min-h-11 rounded-full bg-ink px-3 text-sm font-semibold text-white"
                : "min-h-11 rounded-full border border-line bg-white px-3 text-sm font-semibold text-ink hover:border-teal"
            }
          >
            {t(`status.${status}`)}
          </button>
        ))}
      </div>
      {entry.status === "accepted" ? (
        // An accepted application is the moment to say "J'ai trouvé !" (pre-filled from the offer).
        <ButtonLink href={`/jai-trouve?candidature=${entry.id}`} size="sm" className="self-start">
          {tOutcomes("declareFromApplication")}
        </ButtonLink>
      ) : null}
      {/* Remounted after each save, so the fields show what the server kept. */}
      <form
        key={entry.updatedAt}
        action={action}
        className="flex flex-col gap-3"
        noValidate
        aria-label={t("applications.editFor", { title: entry.offer.title })}
      >
        {formError ? <Alert tone="error">{formError}</Alert> : null}
        <input type="hidden" name="id" value={entry.id} />
        <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
          <SelectField
            id={field("status")}
            name="status"
            label={t("applications.status")}
            options={applicationStatuses.map((status) => ({ value: status, label: t(`status.${status}`) }))}
            defaultValue={value("status")}
            errors={errorsFor("status")}
          />
          <TextField
            id={field("appliedOn")}
            name="appliedOn"
            type="date"
            label={t("applications.appliedOn")}
            defaultValue={value("appliedOn")}
            errors={errorsFor("appliedOn")}
          />
          <TextField
            id={field("interviewOn")}
            name="interviewOn"
            type="date"
            label={t("applications.interviewOn")}
            defaultValue={value("interviewOn")}
            errors={errorsFor("interviewOn")}
          />
          <TextField
            id={field("decidedOn")}
            name="decidedOn"
            type="date"
            label={t("applications.decidedOn")}
            defaultValue={value("decidedOn")}
            errors={errorsFor("decidedOn")}
          />
        </div>
        <TextAreaField
          id={field("note")}
          name="note"
          label={t("applications.note")}
          hint={t("applications.noteHint")}
          maxLength={2000}
          defaultValue={value("note")}
          errors={errorsFor("note")}
          className="min-h-20"
        />
        <div className="flex flex-wrap items-center gap-3">
          <Button type="submit" size="sm" disabled={isPending}>
            {isPending ? t("applications.saving") : t("applications.save")}
          </Button>
          <Button
            variant="ghost"
            size="sm"
            disabled={isRemoving}
            onClick={async () => {
              setIsRemoving(true);
              const result = await removeApplicationAction({ id: entry.id }).catch(() => ({
                ok: false as const,
                error: "errors.network",
              }));
              setIsRemoving(false);
              if (!result.ok) return toast.show(translateKey(tRoot, result.error), "error");
              toast.show(t("applications.removed"));
              router.refresh();
            }}
          >
            {t("applications.remove")}
          </Button>
        </div>
      </form>
    </article>
  );
}
