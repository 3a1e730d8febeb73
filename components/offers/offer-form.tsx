"use client";

import type { Editor, JSONContent } from "@tiptap/react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { lazy, Suspense, useCallback, useRef, useState } from "react";
import { createOfferAction, updateOfferAction } from "@/lib/actions/offers";
import { Alert } from "@/components/ui/alert";
import { Button, ButtonLink } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { essFamilies, offerContracts, salaryPeriods, workModes, type OfferOrigin } from "@/lib/offers/constants";
import { departements } from "@/lib/offers/departements";
import { translateKey } from "@/lib/i18n/translate-key";

// The editor (Tiptap, ProseMirror) is only fetched on the pages that write offers.
const RichTextEditor = lazy(() =>
  import("@/components/editor/rich-text-editor").then((module) => ({ default: module.RichTextEditor })),
);

export type OfferFormValues = {
  title: string;
  organisation: string;
  essFamily: string;
  contract: string;
  city: string;
  department: string;
  workMode: string;
  salaryMin: string;
  salaryMax: string;
  salaryPeriod: string;
  startDate: string;
  deadline: string;
  howToApply: string;
  sourceUrl: string;
};

type OfferFormProps = {
  origin: OfferOrigin;
  initial: OfferFormValues;
  initialBody?: JSONContent | null;
  /** Editing an existing offer: its thread and the description's version. */
  edit?: { threadId: number; version: number };
  cancelHref: string;
};

/** ProseMirror attrs have a null prototype: round-trip through JSON before sending to an action. */
function toPlainJson(doc: JSONContent): JSONContent {
  return JSON.parse(JSON.stringify(doc));
}

const FIELD_ORDER = [
  "title",
  "organisation",
  "essFamily",
  "contract",
  "city",
  "department",
  "workMode",
  "salaryMin",
  "salaryMax",
  "salaryPeriod",
  "startDate",
  "deadline",
  "howToApply",
  "sourceUrl",
  "description",
];

/**
 * Publishes or edits an offer. Every field is kept in state, so a refused submit shows the
 * errors next to what was typed; the same idempotency key is reused until it succeeds.
 */
export function OfferForm({ origin, initial, initialBody, edit, cancelHref }: OfferFormProps) {
  const t = useTranslations("offers");
  const tRoot = useTranslations();
  const router = useRouter();
  const [values, setValues] = useState(initial);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [isSubmitting, setIsSubmitting] = useState(false);
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const editorRef = useRef<Editor | null>(null);
  const bodyRef = useRef<JSONContent | null>(initialBody ?? null);

  const set = (field: keyof OfferFormValues) => (event: { target: { value: string } }) =>
    setValues((current) => ({ ...current, [field]: event.target.value }));
  const errorsFor = (field: string) => fieldErrors[field]?.map((key) => translateKey(tRoot, key));
  const handleReady = useCallback((editor: Editor) => {
    editorRef.current = editor;
  }, []);

  const submit = async () => {
    if (isSubmitting) return;
    setIsSubmitting(true);
    setFormError(null);
    const editorDoc = editorRef.current?.getJSON();
    const description = editorDoc
      ? toPlainJson(editorDoc)
      : (bodyRef.current ?? { type: "doc", content: [{ type: "paragraph" }] });
    // Form strings go as typed: the server's schema is the one that checks and converts them.
    const payload = { ...values, origin, description } as unknown as Parameters<typeof createOfferAction>[0];
    const result = await (
      edit
        ? updateOfferAction({ ...payload, threadId: edit.threadId, expectedVersion: edit.version })
        : createOfferAction({ ...payload, idempotencyKey })
    ).catch(() => ({ ok: false as const, error: "errors.network", fieldErrors: undefined }));
    setIsSubmitting(false);
    if (!result.ok) {
      setFieldErrors(result.fieldErrors ?? {});
      setFormError(
        result.error === "errors.invalid_form" ? tRoot("errors.invalid_form") : translateKey(tRoot, result.error),
      );
      const first = FIELD_ORDER.find((field) => result.fieldErrors?.[field]);
      if (first) document.getElementById(first === "description" ? "offer-description" : first)?.focus();
      return;
    }
    if ("conflict" in result.data && result.data.conflict) {
      setFieldErrors({});
      setFormError(t("form.conflict"));
      return;
    }
    router.push(result.data.path);
  };

  const option = (prefix: string) => (value: string) => ({ value, label: translateKey(t, `${prefix}.${value}`) });
  return (
    <form
      className="flex flex-col gap-4"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      <TextField
        id="title"
        label={t("fields.title")}
        hint={t("fields.titleHint")}
        value={values.title}
        onChange={set("title")}
        maxLength={150}
        required
        errors={errorsFor("title")}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          id="organisation"
          label={t("fields.organisation")}
          hint={origin === "employer" && initial.organisation ? t("fields.organisationHint") : undefined}
          value={values.organisation}
          onChange={set("organisation")}
          maxLength={120}
          required
          errors={errorsFor("organisation")}
        />
        <SelectField
          id="essFamily"
          label={t("fields.essFamily")}
          placeholder={t("fields.choose")}
          options={essFamilies.map(option("family"))}
          value={values.essFamily}
          onChange={set("essFamily")}
          required
          errors={errorsFor("essFamily")}
        />
        <SelectField
          id="contract"
          label={t("fields.contract")}
          placeholder={t("fields.choose")}
          options={offerContracts.map(option("contract"))}
          value={values.contract}
          onChange={set("contract")}
          required
          errors={errorsFor("contract")}
        />
        <SelectField
          id="workMode"
          label={t("fields.workMode")}
          placeholder={t("fields.choose")}
          options={workModes.map(option("workMode"))}
          value={values.workMode}
          onChange={set("workMode")}
          required
          errors={errorsFor("workMode")}
        />
        <TextField
          id="city"
          label={t("fields.city")}
          value={values.city}
          onChange={set("city")}
          maxLength={80}
          autoComplete="address-level2"
          required
          errors={errorsFor("city")}
        />
        <SelectField
          id="department"
          label={t("fields.department")}
          placeholder={t("fields.choose")}
          options={departements.map(([code, name]) => ({ value: code, label: `${code} · ${name}` }))}
          value={values.department}
          onChange={set("department")}
          required
          errors={errorsFor("department")}
        />
        <TextField
          id="startDate"
          type="date"
          label={t("fields.startDate")}
          value={values.startDate}
          onChange={set("startDate")}
          required
          errors={errorsFor("startDate")}
        />
        <TextField
          id="deadline"
          type="date"
          label={t("fields.deadline")}
          hint={t("fields.deadlineHint")}
          value={values.deadline}
          onChange={set("deadline")}
          errors={errorsFor("deadline")}
        />
      </div>
      <fieldset className="grid gap-4 rounded-xl border border-line p-4 sm:grid-cols-3">
        <legend className="px-1 text-sm font-semibold">{t("fields.salaryLegend")}</legend>
        <TextField
          id="salaryMin"
          inputMode="numeric"
          label={t("fields.salaryMin")}
          value={values.salaryMin}
          onChange={set("salaryMin")}
          errors={errorsFor("salaryMin")}
        />
        <TextField
          id="salaryMax"
          inputMode="numeric"
          label={t("fields.salaryMax")}
          value={values.salaryMax}
          onChange={set("salaryMax")}
          errors={errorsFor("salaryMax")}
        />
        <SelectField
          id="salaryPeriod"
          label={t("fields.salaryPeriod")}
          options={salaryPeriods.map(option("salaryPeriod"))}
          value={values.salaryPeriod}
          onChange={set("salaryPeriod")}
          errors={errorsFor("salaryPeriod")}
        />
      </fieldset>
      <TextField
        id="howToApply"
        label={t("fields.howToApply")}
        hint={t("fields.howToApplyHint")}
        value={values.howToApply}
        onChange={set("howToApply")}
        maxLength={500}
        required
        errors={errorsFor("howToApply")}
      />
      {origin === "shared" ? (
        <TextField
          id="sourceUrl"
          type="url"
          label={t("fields.sourceUrl")}
          hint={t("fields.sourceUrlHint")}
          value={values.sourceUrl}
          onChange={set("sourceUrl")}
          maxLength={500}
          required
          errors={errorsFor("sourceUrl")}
        />
      ) : null}
      <div className="flex flex-col gap-1.5">
        <span className="text-sm font-semibold" id="offer-description-label">
          {t("fields.description")}
        </span>
        <Suspense
          fallback={<p className="rounded-lg border border-line bg-white p-4 text-muted">{tRoot("editor.loading")}</p>}
        >
          <RichTextEditor
            id="offer-description"
            label={t("fields.description")}
            initialContent={initialBody}
            isInvalid={Boolean(errorsFor("description")?.length)}
            describedBy={errorsFor("description")?.length ? "offer-description-error" : undefined}
            onReady={handleReady}
            onChange={(doc) => {
              bodyRef.current = toPlainJson(doc);
            }}
          />
        </Suspense>
        {errorsFor("description")?.length ? (
          <ul id="offer-description-error" className="text-sm font-medium text-danger">
            {errorsFor("description")!.map((message) => (
              <li key={message}>{message}</li>
            ))}
          </ul>
        ) : null}
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting
            ? t("form.sending")
            : edit
              ? t("form.submitEdit")
              : origin === "shared"
                ? t("form.submitShare")
                : t("form.submitCreate")}
        </Button>
        <ButtonLink href={cancelHref} variant="ghost">
          {t("form.cancel")}
        </ButtonLink>
      </div>
    </form>
  );
}
