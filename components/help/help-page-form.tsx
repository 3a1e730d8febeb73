"use client";

import type { Editor, JSONContent } from "@tiptap/react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { lazy, Suspense, useCallback, useRef, useState } from "react";
import { createHelpPageAction, updateHelpPageAction } from "@/lib/actions/help";
import { helpAudiences, type HelpAudience } from "@/lib/domain/help";
import { translateKey } from "@/lib/i18n/translate-key";
import { Alert } from "@/components/ui/alert";
import { Button, ButtonLink } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { useToast } from "@/components/ui/toast";

// The editor (Tiptap, ProseMirror) is only fetched by the admins who open this form.
const RichTextEditor = lazy(() =>
  import("@/components/editor/rich-text-editor").then((module) => ({ default: module.RichTextEditor })),
);

export type HelpPageFormValues = { title: string; slug: string; audience: HelpAudience; position: string };

type Props = {
  initial: HelpPageFormValues;
  initialBody: JSONContent | null;
  /** Editing an existing page: its id and when it was last saved (a change made meanwhile is not overwritten). */
  edit?: { id: number; updatedAt: string };
  cancelHref: string;
};

const FIELD_ORDER = ["title", "slug", "audience", "position", "body"] as const;

/** ProseMirror attrs have a null prototype: round-trip through JSON before sending. */
function toJsonText(doc: JSONContent): string {
  return JSON.stringify(doc);
}

/**
 * Writes or edits a help page (admins). Every field stays in state and the editor keeps its
 * content, so a refused submit shows each error beside its field without losing what was typed.
 */
export function HelpPageForm({ initial, initialBody, edit, cancelHref }: Props) {
  const t = useTranslations("help");
  const tRoot = useTranslations();
  const router = useRouter();
  const toast = useToast();
  const [values, setValues] = useState(initial);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [isSubmitting, setIsSubmitting] = useState(false);
  const editorRef = useRef<Editor | null>(null);
  const onEditorReady = useCallback((editor: Editor) => {
    editorRef.current = editor;
  }, []);
  const update = (field: keyof HelpPageFormValues) => (event: { target: { value: string } }) =>
    setValues((current) => ({ ...current, [field]: event.target.value }));
  const errorsFor = (field: string) => {
    const keys = fieldErrors[field];
    return keys ? keys.map((key) => translateKey(tRoot, key)) : undefined;
  };

  const submit = async () => {
    if (isSubmitting) return;
    setIsSubmitting(true);
    setFormError(null);
    // The editor still loading: the page's text as it was.
    const doc = editorRef.current?.getJSON() ?? initialBody ?? { type: "doc", content: [{ type: "paragraph" }] };
    const form = new FormData();
    form.set("title", values.title);
    form.set("audience", values.audience);
    form.set("position", values.position);
    form.set("body", toJsonText(doc));
    if (edit) {
      form.set("id", String(edit.id));
      form.set("expectedUpdatedAt", edit.updatedAt);
    } else form.set("slug", values.slug);
    const result = await (edit ? updateHelpPageAction(null, form) : createHelpPageAction(null, form)).catch(() => ({
      ok: false as const,
      error: "errors.network",
      fieldErrors: undefined,
    }));
    setIsSubmitting(false);
    if (!result.ok) {
      setFieldErrors(result.fieldErrors ?? {});
      setFormError(translateKey(tRoot, result.error));
      const first = FIELD_ORDER.find((field) => result.fieldErrors?.[field]);
      if (first) document.getElementById(first === "body" ? "help-body" : first)?.focus();
      return;
    }
    toast.show(t("saved"));
    router.push(result.data.path);
    router.refresh();
  };

  const bodyErrors = errorsFor("body");
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
        onChange={update("title")}
        maxLength={120}
        required
        errors={errorsFor("title")}
      />
      {edit ? (
        <p className="text-sm text-muted">{t("fields.slugFixed", { slug: values.slug })}</p>
      ) : (
        <TextField
          id="slug"
          label={t("fields.slug")}
          hint={t("fields.slugHint")}
          value={values.slug}
          onChange={update("slug")}
          maxLength={60}
          autoCapitalize="none"
          autoCorrect="off"
          spellCheck={false}
          required
          errors={errorsFor("slug")}
        />
      )}
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField
          id="audience"
          label={t("fields.audience")}
          options={helpAudiences.map((audience) => ({ value: audience, label: t(`fields.audiences.${audience}`) }))}
          value={values.audience}
          onChange={update("audience")}
          errors={errorsFor("audience")}
        />
        <TextField
          id="position"
          inputMode="numeric"
          label={t("fields.position")}
          hint={t("fields.positionHint")}
          value={values.position}
          onChange={update("position")}
          maxLength={4}
          errors={errorsFor("position")}
        />
      </div>
      <div className="flex flex-col gap-1.5">
        <span className="text-sm font-semibold" id="help-body-label">
          {t("fields.body")}
        </span>
        <p id="help-body-hint" className="text-sm text-muted">
          {t("fields.bodyHint")}
        </p>
        <Suspense
          fallback={<p className="rounded-lg border border-line bg-white p-4 text-muted">{tRoot("editor.loading")}</p>}
        >
          <RichTextEditor
            id="help-body"
            label={t("fields.body")}
            initialContent={initialBody}
            isInvalid={Boolean(bodyErrors?.length)}
            describedBy={bodyErrors?.length ? "help-body-error" : "help-body-hint"}
            onReady={onEditorReady}
          />
        </Suspense>
        {bodyErrors?.length ? (
          <ul id="help-body-error" className="text-sm font-medium text-danger">
            {bodyErrors.map((message) => (
              <li key={message}>{message}</li>
            ))}
          </ul>
        ) : null}
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? t("saving") : edit ? t("save") : t("create")}
        </Button>
        <ButtonLink href={cancelHref} variant="ghost">
          {t("cancel")}
        </ButtonLink>
      </div>
    </form>
  );
}
