"use client";

import { useRouter } from "next/navigation";
import { useActionState, useEffect, useRef, useState, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { Button, buttonClasses } from "@/components/ui/button";
import { useFormState } from "@/components/ui/form-state";
import type { ActionState } from "@/lib/action";
import { applyProgrammeAction, previewProgrammeAction } from "@/lib/actions/programme";
import { PROGRAMME_FILE_MAX_BYTES } from "@/lib/validation/programme";

type Preview = Extract<Awaited<ReturnType<typeof previewProgrammeAction>>, { ok: true }>["data"];
type FileError = { path: string; message: string };

/**
 * The programme as a file, for admins in the settings page: a download, and an import in two
 * steps (check the file: nothing written, the changes listed; then apply exactly that file).
 */
export function ProgrammeTransfer() {
  const t = useTranslations("programmeAdmin");
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-col gap-2">
        <a
          href="/moderation/settings/programme/export"
          download
          className={buttonClasses("secondary", "md", "self-start")}
        >
          {t("export")}
        </a>
        <p className="text-sm text-muted">{t("exportHint")}</p>
      </div>
      <section aria-labelledby="programme-import-title" className="flex flex-col gap-3">
        <h3 id="programme-import-title" className="text-lg font-bold">
          {t("importTitle")}
        </h3>
        <p className="text-sm text-muted">{t("importIntro")}</p>
        <ImportForm />
      </section>
    </div>
  );
}

function ImportForm() {
  const t = useTranslations("programmeAdmin");
  const [state, formAction, isPending] = useActionState(previewProgrammeAction, null as ActionState<Preview>);
  const { errorsFor, formError } = useFormState(state);
  const [tooLarge, setTooLarge] = useState(false);
  const result = useRef<HTMLDivElement>(null);
  const data = state?.ok ? state.data : null;
  // A screen reader hears the outcome, and the keyboard continues from it (the apply button).
  useEffect(() => {
    if (state) result.current?.focus();
  }, [state]);

  const fileErrors = tooLarge ? [t("fileTooLarge")] : errorsFor("file");
  function checkSize(event: FormEvent<HTMLFormElement>) {
    const file = (event.currentTarget.elements.namedItem("file") as HTMLInputElement | null)?.files?.[0];
    // Past the cap the server would refuse the request itself: say why before sending it.
    if (file && file.size > PROGRAMME_FILE_MAX_BYTES) {
      event.preventDefault();
      setTooLarge(true);
    }
  }

  return (
    <>
      <form action={formAction} onSubmit={checkSize} className="flex flex-col gap-3" noValidate>
        <div className="flex flex-col gap-1.5">
          <label htmlFor="programme-file" className="text-sm font-semibold">
            {t("fileLabel")}
          </label>
          <input
            id="programme-file"
            name="file"
            type="file"
            accept="application/json,.json"
            aria-describedby={fileErrors?.length ? "programme-file-error" : "programme-file-hint"}
            aria-invalid={fileErrors?.length ? true : undefined}
            onChange={() => setTooLarge(false)}
            className="min-h-11 max-w-full text-sm"
          />
          {fileErrors?.length ? (
            <ul id="programme-file-error" className="text-sm font-medium text-danger">
              {fileErrors.map((message) => (
                <li key={message}>{message}</li>
              ))}
            </ul>
          ) : (
            <p id="programme-file-hint" className="text-sm text-muted">
              {t("fileHint")}
            </p>
          )}
        </div>
        <Button type="submit" variant="secondary" disabled={isPending} className="self-start">
          {isPending ? t("checking") : t("check")}
        </Button>
      </form>
      <div ref={result} tabIndex={-1} className="flex flex-col gap-3 outline-none">
        {formError && !fileErrors?.length ? <Alert tone="error">{formError}</Alert> : null}
        {data && !data.ok ? <FileErrors fileName={data.fileName} errors={data.errors} /> : null}
        {data?.ok ? (
          <PreviewResult
            key={data.token}
            fileName={data.fileName}
            changes={data.changes}
            content={data.content}
            token={data.token}
          />
        ) : null}
      </div>
    </>
  );
}

function FileErrors({ fileName, errors }: { fileName: string; errors: FileError[] }) {
  const t = useTranslations("programmeAdmin");
  return (
    <div role="alert" className="rounded-lg border border-danger/30 bg-danger-soft px-4 py-3 text-sm text-danger">
      <p className="font-semibold break-words">{t("invalidTitle", { name: fileName })}</p>
      <ul className="mt-1 list-disc pl-5">
        {errors.map((error, index) => (
          <li key={index} className="break-words">
            <code className="font-mono font-semibold">{error.path || t("wholeFile")}</code> : {error.message}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The dry run's outcome, and the button that applies the very file that was checked. */
function PreviewResult({
  fileName,
  changes,
  content,
  token,
}: {
  fileName: string;
  changes: string[];
  content: string;
  token: string;
}) {
  const t = useTranslations("programmeAdmin");
  const router = useRouter();
  const [state, formAction, isPending] = useActionState(applyProgrammeAction, null);
  const { formError } = useFormState(state);
  const applied = state?.ok ? state.data : null;
  useEffect(() => {
    if (applied?.ok) router.refresh();
  }, [applied, router]);

  if (applied?.ok) {
    return <Alert tone="success">{t("applied", { count: applied.changes.length })}</Alert>;
  }
  return (
    <section
      aria-labelledby="programme-preview-title"
      className="flex flex-col gap-3 rounded-lg border border-line p-4"
    >
      <h4 id="programme-preview-title" className="font-bold">
        {t("previewTitle")}
      </h4>
      <p className="text-sm break-words text-muted">{t("previewIntro", { name: fileName })}</p>
      {changes.length ? (
        <ul className="flex flex-col gap-1 text-sm">
          {changes.map((line) => (
            <li key={line} className="font-mono break-words">
              {line}
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm font-semibold">{t("noChanges")}</p>
      )}
      {applied && !applied.ok ? <FileErrors fileName={fileName} errors={applied.errors} /> : null}
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      {changes.length ? (
        <form action={formAction}>
          <input type="hidden" name="content" value={content} />
          <input type="hidden" name="token" value={token} />
          <Button type="submit" disabled={isPending}>
            {isPending ? t("applying") : t("apply")}
          </Button>
        </form>
      ) : null}
    </section>
  );
}
