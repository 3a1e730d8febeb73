"use client";

import type { Editor, JSONContent } from "@tiptap/react";
import { useTranslations } from "next-intl";
import { useCallback, useEffect, useRef, useState } from "react";
import { discardDraftAction, saveDraftAction } from "@/lib/actions/forum";
import { RichTextEditor } from "@/components/editor/rich-text-editor";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { translateKey } from "@/lib/i18n/translate-key";
import {
  clearLocalDraft,
  hasContent,
  isLocalNewer,
  localDraftKey,
  readLocalDraft,
  writeLocalDraft,
  type LocalDraft,
} from "./local-draft";

const AUTOSAVE_DELAY_MS = 1_500;

/**
 * ProseMirror builds attrs with a null prototype, which React cannot send to a server action
 * as plain data (it would arrive as an opaque reference): round-trip through JSON first.
 */
function toPlainJson(doc: JSONContent): JSONContent {
  return JSON.parse(JSON.stringify(doc));
}
const AUTOSAVE_MAX_WAIT_MS = 5_000;

export type ComposerSubmit = (input: {
  body: JSONContent;
  title?: string;
  idempotencyKey: string;
}) => Promise<
  | { ok: true }
  | { ok: false; error: string; fieldErrors?: Record<string, string[]>; errorValues?: Record<string, string | number> }
>;

export type ComposerProps = {
  /** `thread` adds a title field. */
  mode: "thread" | "reply" | "edit";
  editorId: string;
  label: string;
  submitLabel: string;
  initialBody?: JSONContent | null;
  initialTitle?: string;
  /** Where drafts are saved (`thread:<channelId>` or `reply:<threadId>`); none when editing. */
  draftTarget?: string;
  draftReplyToId?: number | null;
  isRestoredDraft?: boolean;
  /** When the server's draft was saved: a newer copy kept in this browser wins over it. */
  draftSavedAt?: string | null;
  /** The member writing: drafts are also kept in this browser (per member) until the server has them. */
  draftOwnerId?: string;
  onSubmit: ComposerSubmit;
  onCancel?: () => void;
  /** A notice shown above the editor (e.g. "Réponse à Marie"). */
  context?: React.ReactNode;
  /** Called as the member types (throttled by the caller): the "Marie écrit…" signal. */
  onTyping?: () => void;
  /** Shown under the title field, given what is typed there (the similar threads). */
  belowTitle?: (title: string) => React.ReactNode;
};

type SaveState = "idle" | "saving" | "saved" | "error";

/**
 * Writes a thread, a reply or an edit. What is typed is saved on the server every few seconds,
 * so a reload, a crash or another device finds it again; each submission carries one
 * idempotency key, so a double click or a retried request never posts twice.
 */
export default function Composer(props: ComposerProps) {
  const { mode, draftTarget } = props;
  const t = useTranslations("composer");
  const tRoot = useTranslations();
  const [title, setTitle] = useState(props.initialTitle ?? "");
  const [isSubmitting, setIsSubmitting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [errorValues, setErrorValues] = useState<Record<string, string | number> | undefined>(undefined);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});
  const [saveState, setSaveState] = useState<SaveState>("idle");
  const [idempotencyKey, setIdempotencyKey] = useState(() => crypto.randomUUID());
  const editorRef = useRef<Editor | null>(null);
  const bodyRef = useRef<JSONContent | null>(props.initialBody ?? null);
  const titleRef = useRef(title);
  useEffect(() => {
    titleRef.current = title;
  }, [title]);
  const timers = useRef<{ debounce?: ReturnType<typeof setTimeout>; firstChangeAt?: number }>({});
  const isDirty = useRef(false);
  const localKey = draftTarget && props.draftOwnerId ? localDraftKey(props.draftOwnerId, draftTarget) : null;
  /** Bumped on every change: a server save confirms the local copy only if nothing was typed since. */
  const changeCount = useRef(0);
  const [localRestore, setLocalRestore] = useState<LocalDraft | null>(null);

  const saveNow = useCallback(async () => {
    if (!draftTarget || !isDirty.current) return;
    isDirty.current = false;
    timers.current.firstChangeAt = undefined;
    const savedChange = changeCount.current;
    setSaveState("saving");
    const result = await saveDraftAction({
      target: draftTarget,
      title: mode === "thread" ? titleRef.current : undefined,
      body: bodyRef.current,
      replyToId: props.draftReplyToId ?? null,
    }).catch(() => null);
    setSaveState(result?.ok ? "saved" : "error");
    // The server has it: the browser copy is no longer needed (unless more was typed meanwhile).
    if (result?.ok && localKey && changeCount.current === savedChange) clearLocalDraft(localKey);
  }, [draftTarget, mode, props.draftReplyToId, localKey]);

  /** Debounced while typing, but never more than a few seconds without a save. */
  const scheduleSave = useCallback(() => {
    if (!draftTarget) return;
    isDirty.current = true;
    changeCount.current += 1;
    if (localKey) {
      const draft = {
        title: mode === "thread" ? titleRef.current : undefined,
        body: bodyRef.current,
        replyToId: props.draftReplyToId ?? null,
        savedAt: Date.now(),
      };
      if (hasContent(draft)) writeLocalDraft(localKey, draft);
      else clearLocalDraft(localKey);
    }
    const now = Date.now();
    timers.current.firstChangeAt ??= now;
    clearTimeout(timers.current.debounce);
    const waited = now - timers.current.firstChangeAt;
    timers.current.debounce = setTimeout(
      () => void saveNow(),
      Math.max(0, Math.min(AUTOSAVE_DELAY_MS, AUTOSAVE_MAX_WAIT_MS - waited)),
    );
  }, [draftTarget, saveNow, localKey, mode, props.draftReplyToId]);

  // A copy left in this browser (typed offline, or the tab closed before the save) comes back
  // when it is newer than the server's, and is sent to the server again.
  useEffect(() => {
    if (!localKey) return;
    const local = readLocalDraft(localKey);
    if (!local) return;
    if (isLocalNewer(local, props.draftSavedAt)) {
      bodyRef.current = local.body;
      if (mode === "thread" && local.title !== undefined) {
        titleRef.current = local.title;
        // Browser storage is read after hydration (the server cannot see it).
        // eslint-disable-next-line react-hooks/set-state-in-effect
        setTitle(local.title);
      }
      setLocalRestore(local);
    }
    isDirty.current = true;
    void saveNow();
    // Once, on mount: later changes go through scheduleSave.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    const flush = () => {
      if (isDirty.current) void saveNow();
    };
    // Back online: what could not be saved is sent now.
    const retry = () => {
      if (localKey && readLocalDraft(localKey)) isDirty.current = true;
      flush();
    };
    const pending = timers.current;
    window.addEventListener("pagehide", flush);
    window.addEventListener("online", retry);
    return () => {
      window.removeEventListener("pagehide", flush);
      window.removeEventListener("online", retry);
      clearTimeout(pending.debounce);
    };
  }, [saveNow, localKey]);

  const submit = async () => {
    if (isSubmitting) return;
    clearTimeout(timers.current.debounce);
    isDirty.current = false;
    setIsSubmitting(true);
    setError(null);
    setFieldErrors({});
    const editorDoc = editorRef.current?.getJSON();
    const body = editorDoc ? toPlainJson(editorDoc) : (bodyRef.current ?? { type: "doc", content: [] });
    const result = await props
      .onSubmit({ body, title: mode === "thread" ? title : undefined, idempotencyKey })
      .catch(() => ({
        ok: false as const,
        error: "errors.network",
        fieldErrors: undefined,
      }));
    setIsSubmitting(false);
    if (!result.ok) {
      // Nothing typed is lost: the editor keeps its content and the same key is reused on retry.
      setError(result.error);
      setErrorValues("errorValues" in result ? result.errorValues : undefined);
      setFieldErrors(result.fieldErrors ?? {});
      return;
    }
    setIdempotencyKey(crypto.randomUUID());
    if (localKey) clearLocalDraft(localKey);
    if (mode !== "thread") {
      editorRef.current?.commands.clearContent();
      bodyRef.current = null;
      setSaveState("idle");
    }
  };

  const discard = async () => {
    clearTimeout(timers.current.debounce);
    isDirty.current = false;
    if (localKey) clearLocalDraft(localKey);
    if (draftTarget) await discardDraftAction(draftTarget).catch(() => null);
    editorRef.current?.commands.clearContent();
    bodyRef.current = null;
    setTitle("");
    setSaveState("idle");
    props.onCancel?.();
  };

  const handleReady = useCallback((editor: Editor) => {
    editorRef.current = editor;
  }, []);
  const bodyErrors = fieldErrors.body?.map((key) => translateKey(tRoot, key));
  const titleErrors = fieldErrors.title?.map((key) => translateKey(tRoot, key));
  return (
    <form
      className="flex flex-col gap-3"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
      onKeyDown={(event) => {
        if ((event.metaKey || event.ctrlKey) && event.key === "Enter") {
          event.preventDefault();
          void submit();
        }
      }}
    >
      {props.context}
      {props.isRestoredDraft || localRestore ? <Alert tone="info">{t("draftRestored")}</Alert> : null}
      {error && error !== "errors.invalid_form" ? (
        <Alert tone="error">{translateKey(tRoot, error, errorValues)}</Alert>
      ) : null}
      {mode === "thread" ? (
        <TextField
          id={`${props.editorId}-title`}
          name="title"
          label={t("title")}
          value={title}
          maxLength={150}
          required
          onChange={(event) => {
            setTitle(event.target.value);
            scheduleSave();
          }}
          errors={titleErrors}
        />
      ) : null}
      {mode === "thread" ? props.belowTitle?.(title) : null}
      <div className="flex flex-col gap-1.5">
        <span className="text-sm font-semibold" id={`${props.editorId}-label`}>
          {props.label}
        </span>
        <RichTextEditor
          // The browser's copy, found after mount, replaces the server's: a fresh editor holds it.
          key={localRestore ? "local" : "server"}
          id={props.editorId}
          label={props.label}
          initialContent={localRestore ? localRestore.body : props.initialBody}
          autoFocus={mode !== "thread"}
          isInvalid={Boolean(bodyErrors?.length)}
          describedBy={bodyErrors?.length ? `${props.editorId}-error` : undefined}
          onReady={handleReady}
          onChange={(doc) => {
            bodyRef.current = toPlainJson(doc);
            scheduleSave();
            props.onTyping?.();
          }}
        />
        {bodyErrors?.length ? (
          <ul id={`${props.editorId}-error`} className="text-sm font-medium text-danger">
            {bodyErrors.map((message) => (
              <li key={message}>{message}</li>
            ))}
          </ul>
        ) : null}
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? t("sending") : props.submitLabel}
        </Button>
        {props.onCancel || draftTarget ? (
          <Button variant="ghost" onClick={() => void (mode === "edit" ? props.onCancel?.() : discard())}>
            {mode === "edit" ? t("cancel") : t("discard")}
          </Button>
        ) : null}
        <span className="text-sm text-muted" aria-live="polite">
          {saveState === "saving"
            ? t("saving")
            : saveState === "saved"
              ? t("saved")
              : saveState === "error"
                ? t("saveFailed")
                : ""}
        </span>
      </div>
    </form>
  );
}
